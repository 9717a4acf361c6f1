import { Anchor, Box, Container, Divider, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { type NavItem, navItemsFor } from '../lib/navigation';
import { useRootData } from '../lib/root-data';
import { AccountLinks } from './account-links';
import { Disclosure } from './disclosure';
import { MenuIcon } from './icons';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { SignOutForm } from './sign-out-form';
import classes from './site-header.module.css';
import { UserMenu } from './user-menu';

function NavLinks({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  return items.map((item) => (
    <Anchor key={item.to} component={NavLink} to={item.to} end={item.end} underline="never" className={classes.navLink}>
      {t(item.labelKey)}
    </Anchor>
  ));
}

/**
 * Wide screens get the navigation inline; narrow ones (down to 360px) a menu. Both are in the
 * HTML and CSS picks one, so the layout is right before any JavaScript runs.
 */
export function SiteHeader() {
  const { t } = useTranslation();
  const { viewer, unreadCount } = useRootData();
  const items = navItemsFor(viewer);

  return (
    <header className={classes.header}>
      <Container size="lg" className={classes.inner}>
        <Group gap="lg" wrap="nowrap">
          <Anchor component={Link} to="/" underline="never" className={classes.logo}>
            Souk
          </Anchor>
          <Box component="nav" aria-label={t('nav.label')} visibleFrom="sm">
            <Group gap={4} wrap="nowrap">
              <NavLinks items={items} />
            </Group>
          </Box>
        </Group>

        <Group gap="xs" wrap="nowrap">
          <Box visibleFrom="sm">
            <LanguageSwitch />
          </Box>
          {viewer && <NotificationBell unreadCount={unreadCount} />}
          {viewer && (
            <Box visibleFrom="sm">
              <UserMenu viewer={viewer} />
            </Box>
          )}
          <Box hiddenFrom="sm">
            <Disclosure variant="sheet" label={t('nav.menu')} summary={<MenuIcon />}>
              <Stack gap="md">
                <Box component="nav" aria-label={t('nav.label')}>
                  <Stack gap={4}>
                    <NavLinks items={items} />
                  </Stack>
                </Box>
                {viewer && (
                  <>
                    <Divider />
                    <AccountLinks />
                  </>
                )}
                <Divider />
                <LanguageSwitch />
                {viewer && <SignOutForm />}
              </Stack>
            </Disclosure>
          </Box>
        </Group>
      </Container>
    </header>
  );
}
