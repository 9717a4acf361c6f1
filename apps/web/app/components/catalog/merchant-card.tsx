import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Who sells the deal: name, city and whether the merchant passed identity verification. */
export function MerchantCard({ name, city, verified }: { name: string; city: string | null; verified: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="merchant-title">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t('deal.merchant')}
      </Text>
      <Group gap="xs" mt={4}>
        <Title order={2} size="h4" id="merchant-title">
          {name}
        </Title>
        {verified && (
          <Badge color="teal.9" variant="filled" data-testid="merchant-verified">
            {t('deal.verified')}
          </Badge>
        )}
      </Group>
      {city && (
        <Text size="sm" c="dimmed">
          {city}
        </Text>
      )}
    </Paper>
  );
}
