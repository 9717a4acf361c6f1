import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ProductList } from '@souk/contracts/catalog';
import type { PaymentStart } from '@souk/contracts/payments';
import { quotaNames } from '@souk/contracts/plan-quotas';
import type { Plan, PlanId, PlanList } from '@souk/contracts/plans';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect } from 'react-router';
import { UsageMeters } from '../../../components/billing/usage-meters';
import { ConfirmSubmit } from '../../../components/confirm-submit';
import { ErrorPage } from '../../../components/error-page';
import { PageTitle } from '../../../components/page-title';
import { PaymentHandoff } from '../../../components/payments/payment-handoff';
import { useQuotaText } from '../../../components/plans/plan-cards';
import { SubmitButton } from '../../../components/submit-button';
import { apiJson } from '../../../lib/api.server';
import { formText } from '../../../lib/auth-feedback.server';
import { billingApi } from '../../../lib/billing/billing-api';
import type { BillingOverview } from '../../../lib/billing/billing-types';
import { daysUntil, formatDay } from '../../../lib/billing/format';
import { billingPath, isPlanId, planRank } from '../../../lib/billing/plan-order';
import { merchantApi } from '../../../lib/catalog/catalog-api';
import { formatMoney } from '../../../lib/format-money';
import { translations } from '../../../lib/i18n';
import { localeOf } from '../../../lib/locale.server';
import { requireMerchantTeam } from '../../../lib/merchant-team.server';
import { unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/billing';
import { type BillingFeedback, billingFailed, billingIntents } from './billing.server';

interface PausedDeal {
  id: string;
  title: string;
  updatedAt: string;
}

/** The deals the plan paused: drafts the API marks `pausedByPlan` (nothing else is hidden). */
async function loadPausedDeals(context: Route.LoaderArgs['context'], teamId: string): Promise<PausedDeal[]> {
  const query = new URLSearchParams({ status: 'draft', limit: '100' });
  const result = await apiJson<ProductList>(context, merchantApi.list(teamId, query));
  if (!result.ok) return [];
  return result.data.items
    .filter((item) => (item as { pausedByPlan?: boolean }).pausedByPlan === true)
    .map((item) => ({ id: item.id, title: item.title, updatedAt: item.updatedAt }));
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { viewer, team } = await requireMerchantTeam(context, request);
  const [overview, plans] = await Promise.all([
    apiJson<BillingOverview>(context, billingApi.overview(team.teamId)),
    apiJson<PlanList>(context, billingApi.plans),
  ]);
  const billing = unwrapForPage(overview, request);
  const pausedDeals = billing.paused.publishedDeals > 0 ? await loadPausedDeals(context, team.teamId) : [];
  return {
    team,
    teams: viewer.teams.map(({ teamId, name }) => ({ teamId, name })),
    billing,
    plans: unwrapForPage(plans, request).plans,
    pausedDeals,
    now: Date.now(),
    payRequested: new URL(request.url).searchParams.has('pay'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { viewer, team } = await requireMerchantTeam(context, request);
  const locale = localeOf(request);
  const words = translations[locale];
  const form = await request.formData();
  const intent = billingIntents.find((candidate) => candidate === formText(form, 'intent'));
  const returnPath = billingPath(viewer.teams.length > 1 ? team.teamId : null);
  if (!intent) {
    return data<BillingFeedback>({ ok: false, intent: 'change', error: words.billing.errorTitle }, { status: 400 });
  }
  const organizationId = team.teamId;
  const planId = formText(form, 'planId');
  const planName = isPlanId(planId) ? words.plans.names[planId] : '';
  const message = (text: string) => text.replace('{{plan}}', planName);

  if (intent === 'portal') {
    const result = await apiJson<{ url: string }>(context, billingApi.portal, {
      method: 'POST',
      json: { organizationId },
    });
    if (!result.ok) return billingFailed(result, locale, intent, returnPath);
    throw redirect(result.data.url);
  }
  if (intent === 'checkout') {
    const json = isPlanId(planId) ? { organizationId, planId } : { organizationId };
    const result = await apiJson<{ url: string | null; payment: PaymentStart | null }>(context, billingApi.checkout, {
      method: 'POST',
      json,
    });
    if (!result.ok) return billingFailed(result, locale, intent, returnPath);
    const { url, payment } = result.data;
    if (payment?.kind === 'form') {
      // CMI (or the sandbox): a signed form the browser posts to the card page.
      return data<BillingFeedback>({ ok: true, intent, handoff: { action: payment.action, fields: payment.fields } });
    }
    const target = payment?.kind === 'redirect' ? payment.url : url;
    if (target) throw redirect(target);
    return data<BillingFeedback>({ ok: false, intent, error: words.billing.errorTitle }, { status: 502 });
  }
  if ((intent === 'trial' || intent === 'change') && !isPlanId(planId)) {
    return data<BillingFeedback>({ ok: false, intent, error: words.billing.errorTitle }, { status: 400 });
  }
  const path = {
    trial: billingApi.trial,
    change: billingApi.change,
    cancel: billingApi.cancel,
    resume: billingApi.resume,
  }[intent];
  const json = intent === 'trial' || intent === 'change' ? { organizationId, planId } : { organizationId };
  // The plan before the change tells an upgrade from a downgrade in the message.
  const previous = await apiJson<BillingOverview>(context, billingApi.overview(organizationId));
  const before = previous.ok ? currentPlanId(previous.data) : 'free';
  const result = await apiJson<BillingOverview>(context, path, { method: 'POST', json });
  if (!result.ok) return billingFailed(result, locale, intent, returnPath);
  const after = result.data;
  const success =
    intent === 'trial'
      ? message(words.billing.trialStarted)
      : intent === 'cancel'
        ? words.billing.canceled
        : intent === 'resume'
          ? words.billing.resumed
          : after.pendingChange?.planId === planId
            ? message(words.billing.downgradeScheduled)
            : planId === 'free' && after.subscription.cancelAtPeriodEnd
              ? words.billing.canceled
              : after.plan.id === planId && isPlanId(planId) && planRank(planId) < planRank(before)
                ? message(words.billing.downgraded)
                : message(words.billing.upgraded);
  return data<BillingFeedback>({ ok: true, intent, message: success });
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

/** The plan the team is on for billing purposes: a lapsed subscription is the free plan. */
function currentPlanId(billing: BillingOverview): PlanId {
  const { status, planId } = billing.subscription;
  return status === 'trialing' || status === 'active' || status === 'past_due' ? planId : 'free';
}

export default function MerchantBilling({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { billing, plans, team, teams, pausedDeals, now, payRequested } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('billing.errorTitle'), successMessage: actionData?.message });
  const action = billingPath(teams.length > 1 ? team.teamId : null);
  return (
    <Stack gap="xl" maw={1200}>
      <PageTitle>{t('billing.title')}</PageTitle>
      <div>
        <Title order={1}>{t('billing.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('billing.intro')}{' '}
          <Text span fw={600}>
            {team.name}
          </Text>
        </Text>
      </div>
      {teams.length > 1 && <TeamSelector teams={teams} current={team.teamId} />}
      {!billing.canManage && (
        <Alert color="blue" data-testid="billing-read-only">
          {t('billing.readOnly')}
        </Alert>
      )}
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert" title={t('billing.errorTitle')} data-testid="billing-error">
          {actionData.error}
        </Alert>
      )}
      {actionData?.ok && actionData.message && (
        <Alert color="green" role="status" data-testid="billing-success">
          {actionData.message}
        </Alert>
      )}
      {actionData?.ok && actionData.handoff && <PaymentHandoff payment={actionData.handoff} gatewayName="CMI" />}
      <StatusSection billing={billing} now={now} action={action} payRequested={payRequested} />
      <PausedSection billing={billing} pausedDeals={pausedDeals} />
      <section aria-labelledby="billing-usage">
        <Title order={2} size="h3" mb="sm" id="billing-usage">
          {t('billing.usageTitle')}
        </Title>
        <UsageMeters usage={billing.usage} />
      </section>
      <PlansSection billing={billing} plans={plans} action={action} />
      <Group>
        <Button
          component={Link}
          to={`/merchant/billing/invoices${teams.length > 1 ? `?team=${team.teamId}` : ''}`}
          variant="default"
        >
          {t('billing.seeInvoices')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A GET form, so choosing a team works without JavaScript too. */
function TeamSelector({ teams, current }: { teams: { teamId: string; name: string }[]; current: string }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/merchant/billing">
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t('billing.selectTeam')}
          name="team"
          defaultValue={current}
          data={teams.map((team) => ({ value: team.teamId, label: team.name }))}
          w={{ base: '100%', xs: 280 }}
        />
        <Button type="submit" variant="default">
          {t('billing.show')}
        </Button>
      </Group>
    </Form>
  );
}

const statusColors = {
  free: 'gray',
  trialing: 'indigo',
  active: 'teal',
  past_due: 'orange',
  canceled: 'red',
  expired: 'gray',
} as const;

function StatusSection({
  billing,
  now,
  action,
  payRequested,
}: {
  billing: BillingOverview;
  now: number;
  action: string;
  payRequested: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { subscription, pendingChange, dueInvoice, canManage } = billing;
  const day = (iso: string) => formatDay(iso, i18n.language);
  const planId = currentPlanId(billing);
  const lines: string[] = [];
  if (subscription.status === 'trialing' && subscription.trialEndsAt) {
    lines.push(
      t('billing.trialDaysLeft', {
        count: daysUntil(subscription.trialEndsAt, now),
        date: day(subscription.trialEndsAt),
      }),
    );
  }
  if (subscription.status === 'canceled' || subscription.status === 'expired') lines.push(t('billing.canceledText'));
  if (pendingChange) {
    lines.push(
      t('billing.changesOn', { plan: t(`plans.names.${pendingChange.planId}`), date: day(pendingChange.effectiveAt) }),
    );
  } else if (subscription.cancelAtPeriodEnd && subscription.currentPeriodEnd) {
    lines.push(t('billing.endsOn', { date: day(subscription.currentPeriodEnd) }));
  } else if (subscription.status === 'active' && subscription.currentPeriodEnd) {
    lines.push(t('billing.renewsOn', { date: day(subscription.currentPeriodEnd) }));
  }
  const pastDue = subscription.status === 'past_due';
  const graceEnd = subscription.graceEndsAt ?? dueInvoice?.dueAt ?? null;
  const changeable = planId !== 'free' && canManage;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="billing-current">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Text size="sm" c="dimmed" id="billing-current">
              {t('billing.currentPlan')}
            </Text>
            <Group gap="sm">
              <Title order={2} size="h3" data-testid="billing-plan">
                {t(`plans.names.${planId}`)}
              </Title>
              <Badge color={statusColors[subscription.status]} variant="light" data-testid="billing-status">
                {t(`billing.status.${subscription.status}`)}
              </Badge>
            </Group>
          </Stack>
          {canManage && billing.cardProvider === 'stripe' && (
            <Form method="post" action={action}>
              <SubmitButton action={action} name="intent" value="portal" variant="default" size="sm">
                {t('billing.portal')}
              </SubmitButton>
            </Form>
          )}
        </Group>
        {lines.map((line) => (
          <Text key={line} data-testid="billing-status-line">
            {line}
          </Text>
        ))}
        {pastDue && (
          <Alert color="orange" role="alert" data-testid="billing-past-due">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {graceEnd ? t('billing.pastDue', { date: day(graceEnd) }) : t('billing.pastDueNoDate')}
              </Text>
              {dueInvoice && (
                <Text size="sm" fw={600}>
                  {dueInvoice.number} · {formatMoney(dueInvoice.totalMinor, dueInvoice.currency, i18n.language)}
                </Text>
              )}
              {/* The mailed pay link leads here (`?pay=`): the button pays by card straight away. */}
              {canManage && (
                <Form method="post" action={action}>
                  <SubmitButton
                    action={action}
                    name="intent"
                    value="checkout"
                    color="orange"
                    size="sm"
                    data-testid="billing-pay"
                    autoFocus={payRequested}
                  >
                    {t('billing.payNow')}
                  </SubmitButton>
                </Form>
              )}
            </Stack>
          </Alert>
        )}
        {canManage && (pendingChange || subscription.cancelAtPeriodEnd) && (
          <Form method="post" action={action}>
            <SubmitButton action={action} name="intent" value="resume" variant="light" size="sm">
              {t('billing.resume')}
            </SubmitButton>
          </Form>
        )}
        {changeable && !subscription.cancelAtPeriodEnd && !pendingChange && (
          <Group>
            <ConfirmSubmit
              action={action}
              fields={{ intent: 'cancel' }}
              label={t('billing.cancel')}
              question={t('billing.confirmCancel')}
              variant="subtle"
              color="red"
              size="sm"
              testId="billing-cancel"
            />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function PausedSection({ billing, pausedDeals }: { billing: BillingOverview; pausedDeals: PausedDeal[] }) {
  const { t } = useTranslation();
  const count = billing.paused.publishedDeals;
  if (count === 0 && pausedDeals.length === 0) return null;
  return (
    <Alert
      color="orange"
      component="section"
      aria-labelledby="billing-paused"
      title={
        <span id="billing-paused">
          {t('billing.pausedTitle')} ({count})
        </span>
      }
      data-testid="billing-paused"
    >
      <Stack gap="xs">
        <Text size="sm">{t('billing.pausedIntro')}</Text>
        {pausedDeals.length > 0 && (
          <List size="sm" spacing={4}>
            {pausedDeals.map((deal) => (
              <List.Item key={deal.id}>
                {t('billing.pausedKinds.deal')} :{' '}
                <Anchor component={Link} to={`/merchant/products/${deal.id}`} dir="auto">
                  {deal.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Alert>
  );
}

function PlansSection({ billing, plans, action }: { billing: BillingOverview; plans: Plan[]; action: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="billing-plans">
      <Title order={2} size="h3" id="billing-plans">
        {t('billing.plansTitle')}
      </Title>
      <Text c="dimmed" size="sm" mt={4} mb="md" maw={760}>
        {t('billing.plansIntro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {plans.map((plan) => (
          <BillingPlanCard key={plan.id} plan={plan} billing={billing} action={action} />
        ))}
      </SimpleGrid>
    </section>
  );
}

/** Long labels ("Start 14-day trial") wrap inside the narrow cards instead of being cut. */
const wrapLabel = { inner: { whiteSpace: 'normal' }, label: { whiteSpace: 'normal', textAlign: 'center' } } as const;

function BillingPlanCard({ plan, billing, action }: { plan: Plan; billing: BillingOverview; action: string }) {
  const { t, i18n } = useTranslation();
  const quotaText = useQuotaText();
  const current = currentPlanId(billing);
  const isCurrent = plan.id === current;
  const scheduled = billing.pendingChange?.planId === plan.id;
  const name = t(`plans.names.${plan.id}`);
  const titleId = `billing-plan-${plan.id}`;
  const offerTrial = plan.trial && !billing.subscription.trialUsed && current === 'free';
  const higher = planRank(plan.id) > planRank(current);

  let control: ReactNode = null;
  if (billing.canManage && !isCurrent && !scheduled) {
    if (offerTrial) {
      control = (
        <Form method="post" action={action}>
          <input type="hidden" name="planId" value={plan.id} />
          <SubmitButton
            action={action}
            name="intent"
            value="trial"
            fullWidth
            h="auto"
            py={8}
            styles={wrapLabel}
            variant={plan.highlighted ? 'filled' : 'light'}
            aria-describedby={titleId}
            data-testid={`trial-${plan.id}`}
          >
            {t('billing.startTrial')}
          </SubmitButton>
        </Form>
      );
    } else {
      control = (
        <ConfirmSubmit
          action={action}
          fields={{ intent: 'change', planId: plan.id }}
          label={higher ? t('billing.upgrade', { plan: name }) : t('billing.downgrade', { plan: name })}
          question={
            higher ? t('billing.confirmUpgrade', { plan: name }) : t('billing.confirmDowngrade', { plan: name })
          }
          variant={higher ? 'filled' : 'default'}
          color={higher ? undefined : 'orange'}
          fullWidth
          h="auto"
          py={8}
          styles={wrapLabel}
          aria-describedby={titleId}
          testId={`change-${plan.id}`}
        />
      );
    }
  }

  return (
    <Card
      withBorder
      padding="md"
      component="article"
      aria-labelledby={titleId}
      data-plan={plan.id}
      data-current={isCurrent || undefined}
      style={isCurrent ? { borderColor: 'var(--mantine-color-indigo-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs" h="100%">
        <Group gap="xs" justify="space-between">
          <Title order={3} size="h4" id={titleId}>
            {name}
          </Title>
          {isCurrent && (
            <Badge color="indigo" variant="filled">
              {t('billing.currentBadge')}
            </Badge>
          )}
          {scheduled && (
            <Badge color="orange" variant="light">
              {t('billing.scheduledBadge')}
            </Badge>
          )}
        </Group>
        <Text>
          <Text component="span" fz={22} fw={700}>
            {formatMoney(plan.monthlyPriceMinor, plan.currency, i18n.language, { whole: true })}
          </Text>{' '}
          <Text component="span" c="dimmed" size="sm">
            {t('plans.perMonth')}
          </Text>
        </Text>
        <List size="sm" spacing={2}>
          {quotaNames.map((quota) => (
            <List.Item key={quota}>
              {t(`plans.quotas.${quota}`)} : <strong>{quotaText(plan.quotas[quota])}</strong>
            </List.Item>
          ))}
        </List>
        <Stack mt="auto" gap={0}>
          {control}
        </Stack>
      </Stack>
    </Card>
  );
}
