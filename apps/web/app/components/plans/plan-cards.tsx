import { Badge, Button, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { quotaNames } from '@souk/contracts/plan-quotas';
import type { Plan, PlanList } from '@souk/contracts/plans';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatBasisPoints, formatMoney } from '../../lib/format-money';

export function useQuotaText() {
  const { t, i18n } = useTranslation();
  return (value: number | null) =>
    value === null ? t('plans.unlimited') : new Intl.NumberFormat(i18n.language).format(value);
}

function PlanCard({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const quotaText = useQuotaText();
  const titleId = `plan-${plan.id}`;
  return (
    <Card
      withBorder
      padding="lg"
      component="article"
      aria-labelledby={titleId}
      data-plan={plan.id}
      style={plan.highlighted ? { borderColor: 'var(--mantine-color-indigo-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm" h="100%">
        {plan.highlighted && (
          <Badge color="indigo" variant="filled" style={{ alignSelf: 'flex-start' }}>
            {t('plans.popular')}
          </Badge>
        )}
        <Title order={3} id={titleId}>
          {t(`plans.names.${plan.id}`)}
        </Title>
        <Text c="dimmed" size="sm">
          {t(`plans.descriptions.${plan.id}`)}
        </Text>
        <Text>
          <Text component="span" fz={28} fw={700} data-testid="plan-price">
            {formatMoney(plan.monthlyPriceMinor, plan.currency, i18n.language, { whole: true })}
          </Text>{' '}
          <Text component="span" c="dimmed">
            {t('plans.perMonth')}
          </Text>
        </Text>
        <Text size="sm" fw={600} c={plan.trial ? 'teal.9' : 'dimmed'}>
          {plan.trial ? t('plans.trial') : t('plans.noTrial')}
        </Text>
        <List size="sm" spacing={4}>
          {quotaNames.map((quota) => (
            <List.Item key={quota}>
              {t(`plans.quotas.${quota}`)} : <strong>{quotaText(plan.quotas[quota])}</strong>
            </List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          {t('plans.fee', { fee: formatBasisPoints(plan.platformFeeBps, i18n.language) })}
        </Text>
        <Button
          component={Link}
          to="/sign-up"
          variant={plan.highlighted ? 'filled' : 'default'}
          mt="auto"
          aria-describedby={titleId}
        >
          {plan.trial ? t('plans.startTrial') : t('plans.startFree')}
        </Button>
      </Stack>
    </Card>
  );
}

/** The four plans side by side (stacked on phones), from the one plans configuration. */
export function PlanCards({ plans }: { plans: PlanList['plans'] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg">
      {plans.map((plan) => (
        <PlanCard key={plan.id} plan={plan} />
      ))}
    </SimpleGrid>
  );
}
