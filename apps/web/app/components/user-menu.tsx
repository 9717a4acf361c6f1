import { Avatar, Divider, Stack, Text } from '@mantine/core';
import type { Me } from '@souk/contracts/identity';
import { useTranslation } from 'react-i18next';
import { AccountLinks } from './account-links';
import { Disclosure } from './disclosure';
import { SignOutForm } from './sign-out-form';

export function UserMenu({ viewer }: { viewer: Me }) {
  const { t } = useTranslation();
  return (
    <Disclosure
      label={t('account.menuLabel', { name: viewer.name })}
      summary={
        <>
          <Avatar component="span" size={28} color="initials" name={viewer.name} />
          <Text component="span" size="sm" fw={500} visibleFrom="md" maw={160} truncate>
            {viewer.name}
          </Text>
        </>
      }
    >
      <Stack gap="sm">
        <div>
          <Text fw={600} truncate>
            {viewer.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {viewer.email}
          </Text>
        </div>
        <Divider />
        <AccountLinks />
        <Divider />
        <SignOutForm />
      </Stack>
    </Disclosure>
  );
}
