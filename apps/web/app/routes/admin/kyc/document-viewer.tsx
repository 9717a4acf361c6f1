import { Anchor, Image, Stack, Text } from '@mantine/core';
import type { KycDocumentView } from '@souk/contracts/kyc';
import { useTranslation } from 'react-i18next';

/** One document in the reviewer's viewer, through its short-lived signed link (never cached). */
export function DocumentViewer({
  document,
  url,
  title,
}: {
  document: KycDocumentView;
  url: string | null;
  title: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {url && document.contentType !== 'application/pdf' ? (
        <Image src={url} alt={title} radius="sm" fit="contain" mah={320} referrerPolicy="no-referrer" />
      ) : null}
      {url ? (
        <Anchor href={url} target="_blank" rel="noopener noreferrer" size="sm">
          {t('kyc.documents.view')}
        </Anchor>
      ) : null}
    </Stack>
  );
}
