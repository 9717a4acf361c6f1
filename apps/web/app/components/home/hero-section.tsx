import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRootData } from '../../lib/root-data';

export function HeroSection() {
  const { t } = useTranslation();
  const { viewer } = useRootData();
  return (
    <Stack component="section" gap="lg" py="xl" maw={760} aria-labelledby="hero-title">
      <Title order={1} id="hero-title" fz={{ base: 32, sm: 48 }} lh={1.15}>
        {t('siteHome.heroTitle')}
      </Title>
      <Text size="lg" c="dimmed">
        {t('siteHome.heroText')}
      </Text>
      <Group>
        {viewer ? (
          <Button component={Link} to="/dashboard" size="md">
            {t('home.ctaDashboard')}
          </Button>
        ) : (
          <>
            <Button component={Link} to="/sign-up" size="md">
              {t('siteHome.ctaMerchant')}
            </Button>
            <Button component={Link} to="/sign-up" size="md" variant="light">
              {t('siteHome.ctaInfluencer')}
            </Button>
          </>
        )}
        <Button component={Link} to="/marketplace" size="md" variant="default">
          {t('siteHome.ctaMarketplace')}
        </Button>
      </Group>
    </Stack>
  );
}
