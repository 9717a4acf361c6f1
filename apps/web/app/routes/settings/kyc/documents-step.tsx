import { Badge, FileInput, Group, Paper, Stack, Text } from '@mantine/core';
import { companyDocumentKinds, individualDocumentKinds, type KycDocumentView, type KycKind } from '@souk/contracts/kyc';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { SubmitButton } from '../../../components/submit-button';

/**
 * One upload form per document. `capture` opens the camera on phones; the server checks the
 * content whatever the browser sends.
 */
export function DocumentsStep(props: {
  kind: KycKind;
  documents: KycDocumentView[];
  missing: string[];
  fieldErrors: Record<string, string>;
  failedKind: string | null;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const kinds = props.kind === 'individual' ? individualDocumentKinds : companyDocumentKinds;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('kyc.documents.hint')}
      </Text>
      {kinds.map((kind) => {
        const uploaded = props.documents.find((document) => document.kind === kind);
        const needed = props.missing.includes(kind);
        return (
          <Paper key={kind} withBorder p="md" radius="md">
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="kind" value={kind} />
              <Group justify="space-between" mb="xs">
                <Text fw={600}>{t(`kyc.documents.${kind}`)}</Text>
                {uploaded ? (
                  <Badge color="green">{t('kyc.documents.uploaded')}</Badge>
                ) : needed ? (
                  <Badge color="orange">{t('kyc.documents.missing')}</Badge>
                ) : null}
              </Group>
              <Group align="flex-end" wrap="wrap">
                <FileInput
                  name="file"
                  aria-label={t(`kyc.documents.${kind}`)}
                  placeholder={t('kyc.documents.choose')}
                  accept="image/jpeg,image/png,application/pdf"
                  capture="environment"
                  clearable
                  disabled={props.disabled}
                  error={props.failedKind === kind ? props.fieldErrors.file : undefined}
                  style={{ flex: '1 1 16rem' }}
                />
                <SubmitButton name="intent" value={`upload:${kind}`} variant="light" disabled={props.disabled}>
                  {uploaded ? t('kyc.documents.replace') : t('kyc.documents.upload')}
                </SubmitButton>
              </Group>
            </Form>
          </Paper>
        );
      })}
    </Stack>
  );
}
