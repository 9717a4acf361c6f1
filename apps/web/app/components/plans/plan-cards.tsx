import { Badge, Button, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { quotaNames } from '@souk/contracts/plan-quotas';
import type { Plan, PlanList } from '@souk/contracts/plans';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { formatBasisPoints, formatMoney } from '../../lib/format-money';
import { useRootData } from '../../lib/root-data';

export function useQuotaText() {
  const { t, i18n } = useTranslation();
  return (value: number | null) =>
    value === null ? t('plans.unlimited') : new Intl.NumberFormat(i18n.language).format(value);
}

/**
 * A visitor signs up; a signed-in merchant starts the plan's trial for their team at once (the
 * billing page's own form, so it works without JavaScript) or, for the free plan, sees their
 * billing page.
 */
function PlanAction({ plan, titleId }: { plan: Plan; titleId: string }) {
  const { t } = useTranslation();
  const { viewer } = useRootData();
  const merchant = viewer?.accountType === 'merchant' && viewer.teams.length > 0;
  const label = plan.trial ? t('plans.startTrial') : t('plans.startFree');
  const variant = plan.highlighted ? 'filled' : 'default';
  if (merchant && plan.trial) {
    return (
      <Form method="post" action="/merchant/billing" style={{ marginTop: 'auto' }}>
        <input type="hidden" name="intent" value="trial" />
        <input type="hidden" name="planId" value={plan.id} />
        <Button
          type="submit"
          variant={variant}
          fullWidth
          aria-describedby={titleId}
          data-testid={`plan-trial-${plan.id}`}
        >
          {label}
        </Button>
      </Form>
    );
  }
  return (
    <Button
      component={Link}
      to={merchant ? '/merchant/billing' : '/sign-up'}
      variant={variant}
      mt="auto"
      aria-describedby={titleId}
    >
      {label}
    </Button>
  );
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
        <PlanAction plan={plan} titleId={titleId} />
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
