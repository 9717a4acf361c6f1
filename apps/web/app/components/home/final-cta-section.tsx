import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRootData } from '../../lib/root-data';

export function FinalCtaSection() {
  const { t } = useTranslation();
  const { viewer } = useRootData();
  if (viewer) return null;
  return (
    <Paper component="section" p="xl" bg="indigo.0" aria-labelledby="final-cta-title">
      <Stack gap="sm" align="flex-start">
        <Title order={2} id="final-cta-title">
          {t('siteHome.finalTitle')}
        </Title>
        <Text>{t('siteHome.finalText')}</Text>
        <Button component={Link} to="/sign-up" size="md">
          {t('siteHome.finalCta')}
        </Button>
      </Stack>
    </Paper>
  );
}
