import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRootData } from '../lib/root-data';

export function SiteFooter() {
  const { t } = useTranslation();
  const { viewer } = useRootData();
  return (
    <Box component="footer" py="lg" bg="gray.0" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Container size="lg">
        <Group justify="space-between" gap="md">
          <Text size="sm" c="dimmed" suppressHydrationWarning>
            {t('footer.rights', { year: new Date().getFullYear() })}
          </Text>
          <Box component="nav" aria-label={t('footer.label')}>
            <Group gap="md">
              <Anchor component={Link} to="/" size="sm">
                {t('nav.home')}
              </Anchor>
              {viewer ? (
                <>
                  <Anchor component={Link} to="/dashboard" size="sm">
                    {t('nav.dashboard')}
                  </Anchor>
                  <Anchor component={Link} to="/notifications" size="sm">
                    {t('account.notifications')}
                  </Anchor>
                  <Anchor component={Link} to="/settings/account" size="sm">
                    {t('account.accountSettings')}
                  </Anchor>
                </>
              ) : (
                <>
                  <Anchor component={Link} to="/sign-in" size="sm">
                    {t('nav.signIn')}
                  </Anchor>
                  <Anchor component={Link} to="/sign-up" size="sm">
                    {t('nav.signUp')}
                  </Anchor>
                </>
              )}
            </Group>
          </Box>
        </Group>
      </Container>
    </Box>
  );
}
