import { Anchor, Box, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRootData } from '../lib/root-data';
import { NewsletterForm } from './newsletter-form';

const informationLinks: { to: string; label: ParseKeys }[] = [
  { to: '/pricing', label: 'siteFooter.pricing' },
  { to: '/contact', label: 'siteFooter.contact' },
  { to: '/legal/terms', label: 'siteFooter.terms' },
  { to: '/legal/sales-conditions', label: 'siteFooter.salesConditions' },
  { to: '/legal/privacy', label: 'siteFooter.privacy' },
  { to: '/legal/notice', label: 'siteFooter.notice' },
];

const socialLinks = [
  { href: 'https://www.instagram.com/souk.ma', label: 'Instagram' },
  { href: 'https://www.tiktok.com/@souk.ma', label: 'TikTok' },
  { href: 'https://www.facebook.com/souk.ma', label: 'Facebook' },
  { href: 'https://www.linkedin.com/company/souk-ma', label: 'LinkedIn' },
];

export function SiteFooter() {
  const { t } = useTranslation();
  const { viewer } = useRootData();
  return (
    <Box component="footer" py="xl" bg="gray.0" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Container size="lg">
        <Stack gap="xl">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xl">
            <NewsletterForm />
            <Box component="nav" aria-labelledby="footer-information">
              <Title order={2} size="h5" id="footer-information" mb="xs">
                {t('siteFooter.legalTitle')}
              </Title>
              <Stack gap={6}>
                {informationLinks.map((link) => (
                  <Anchor key={link.to} component={Link} to={link.to} size="sm">
                    {t(link.label)}
                  </Anchor>
                ))}
              </Stack>
            </Box>
            <Box component="nav" aria-labelledby="footer-social">
              <Title order={2} size="h5" id="footer-social" mb="xs">
                {t('siteFooter.followUs')}
              </Title>
              <Stack gap={6}>
                {socialLinks.map((link) => (
                  <Anchor key={link.href} href={link.href} size="sm" rel="noopener me" target="_blank">
                    {link.label}
                  </Anchor>
                ))}
              </Stack>
            </Box>
          </SimpleGrid>
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
        </Stack>
      </Container>
    </Box>
  );
}
