import { Anchor, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { merchantAffiliationSettingsSchema } from '@souk/contracts/affiliation';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { CopyTextButton } from '../../components/copy-text-button';
import { PageTitle } from '../../components/page-title';
import { apiJson } from '../../lib/api.server';
import { unwrapForPage } from '../../lib/session.server';
import type { Route } from './+types/conversions-help';
import { requireMerchantSide } from './affiliation.server';

export async function loader({ request, context }: Route.LoaderArgs) {
  const team = await requireMerchantSide(context, request);
  const settings = unwrapForPage(
    await apiJson<z.infer<typeof merchantAffiliationSettingsSchema>>(
      context,
      `/api/v1/affiliation/settings?organizationId=${team.teamId}`,
    ),
    request,
  );
  const origin = new URL(request.url).origin;
  return { origin, pixelKey: settings.pixelKey };
}

export default function ConversionsHelp({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { origin, pixelKey } = loaderData;
  const curl = `curl -X POST ${origin}/api/v1/conversions \\
  -H "Authorization: Bearer $SOUK_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"clickId":"<souk_cid>","orderRef":"ORDER-1042","amount":100000,"currency":"MAD"}'`;
  const refund = `curl -X POST ${origin}/api/v1/conversions/ORDER-1042/refund \\
  -H "Authorization: Bearer $SOUK_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{}'`;
  const pixel = `<script src="${origin}/px.js"
  data-merchant="${pixelKey}"
  data-order="ORDER-1042"
  data-amount="100000"
  data-currency="MAD"></script>`;
  const snippet = (value: string, testId: string) => (
    <Stack gap={4}>
      <Code block dir="ltr" data-testid={testId} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value}
      </Code>
      <CopyTextButton
        value={value}
        label={t('affiliation.help.copy')}
        copiedLabel={t('affiliation.help.copied')}
        size="compact-sm"
        style={{ alignSelf: 'flex-start' }}
      />
    </Stack>
  );
  return (
    <Stack gap="lg">
      <PageTitle>{t('affiliation.help.title')}</PageTitle>
      <div>
        <Title order={1}>{t('affiliation.help.title')}</Title>
        <Text c="dimmed">{t('affiliation.help.intro')}</Text>
      </div>
      <Paper withBorder p="md" component="section">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('affiliation.help.apiTitle')}
          </Title>
          <Text size="sm">{t('affiliation.help.apiText')}</Text>
          <Group gap="xs">
            <Button component={Link} to="/settings/api-keys" variant="light" size="compact-sm">
              {t('affiliation.help.apiKeys')}
            </Button>
            <Anchor href="/api/docs" size="sm">
              {t('affiliation.help.docs')}
            </Anchor>
          </Group>
          {snippet(curl, 'curl-snippet')}
          <Text size="sm">{t('affiliation.help.refundText')}</Text>
          {snippet(refund, 'refund-snippet')}
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('affiliation.help.pixelTitle')}
          </Title>
          <Text size="sm">{t('affiliation.help.pixelText')}</Text>
          <Text size="sm">
            {t('affiliation.help.pixelKey', { key: '' })}
            <Code dir="ltr">{pixelKey}</Code>
          </Text>
          {snippet(pixel, 'pixel-snippet')}
        </Stack>
      </Paper>
    </Stack>
  );
}
