import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { errorTitles } from '@souk/contracts/error-messages';
import { quotaNames } from '@souk/contracts/plan-quotas';
import type { Plan, PlanId, PlanQuotas } from '@souk/contracts/plans';
import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { ErrorPage } from '../../../components/error-page';
import { PageTitle } from '../../../components/page-title';
import { SubmitButton } from '../../../components/submit-button';
import { apiJson, fieldErrorsOf } from '../../../lib/api.server';
import { formText, problemMessage } from '../../../lib/auth-feedback.server';
import { billingApi } from '../../../lib/billing/billing-api';
import type { AdminPlanList } from '../../../lib/billing/billing-types';
import { isPlanId } from '../../../lib/billing/plan-order';
import { translations } from '../../../lib/i18n';
import { localeOf } from '../../../lib/locale.server';
import { signInPath } from '../../../lib/safe-redirect';
import { requireAdmin, unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/plans';

const pagePath = '/admin/plans';

type PlanValues = Record<'monthlyPrice' | (typeof quotaNames)[number], string>;
type PlansFeedback =
  | { ok: true; planId: PlanId; message: string }
  | { ok: false; planId: PlanId | null; error: string; fieldErrors: Record<string, string>; values?: PlanValues };

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const list = unwrapForPage(await apiJson<AdminPlanList>(context, billingApi.adminPlans), request);
  return { plans: list.plans, defaults: list.defaults };
}

/** "299", "299.5", "299,50" → 29950 centimes; null when it is not a price with at most two decimals. */
function priceMinorOf(text: string): number | null {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text.replace(/\s/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Empty means unlimited; otherwise a whole number from 0. */
function quotaOf(text: string): number | null | undefined {
  if (text === '') return null;
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

export async function action({ request, context }: Route.ActionArgs) {
  await requireAdmin(context, request);
  const locale = localeOf(request);
  const words = translations[locale];
  const form = await request.formData();
  const planId = formText(form, 'planId');
  if (!isPlanId(planId)) {
    return data<PlansFeedback>(
      { ok: false, planId: null, error: words.adminBilling.errorTitle, fieldErrors: {} },
      { status: 400 },
    );
  }
  const values = Object.fromEntries(
    ['monthlyPrice', ...quotaNames].map((name) => [name, formText(form, name)]),
  ) as PlanValues;
  const fieldErrors: Record<string, string> = {};
  const monthlyPriceMinor = priceMinorOf(values.monthlyPrice);
  if (monthlyPriceMinor === null) fieldErrors.monthlyPrice = words.adminBilling.invalidPrice;
  const quotas: Partial<PlanQuotas> = {};
  for (const quota of quotaNames) {
    const value = quotaOf(values[quota]);
    if (value === undefined) fieldErrors[quota] = words.adminBilling.invalidNumber;
    else quotas[quota] = value;
  }
  if (Object.keys(fieldErrors).length > 0) {
    return data<PlansFeedback>(
      { ok: false, planId, error: errorTitles[locale].validation_failed, fieldErrors, values },
      { status: 422 },
    );
  }
  const result = await apiJson<Plan>(context, billingApi.adminPlan(planId), {
    method: 'PUT',
    json: { monthlyPriceMinor, quotas },
  });
  if (!result.ok) {
    if (result.status === 401) throw redirect(signInPath(pagePath));
    const apiErrors = fieldErrorsOf(result.problem);
    // The API names the price in centimes; the form asks for dirhams.
    if (apiErrors.monthlyPriceMinor) apiErrors.monthlyPrice = apiErrors.monthlyPriceMinor;
    return data<PlansFeedback>(
      { ok: false, planId, error: problemMessage(result, locale), fieldErrors: apiErrors, values },
      { status: result.status },
    );
  }
  const message = words.adminBilling.saved.replace('{{plan}}', words.plans.names[planId]);
  return data<PlansFeedback>({ ok: true, planId, message });
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

export default function AdminPlans({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { plans, defaults } = loaderData;
  useFeedbackToast(actionData, {
    errorTitle: t('adminBilling.errorTitle'),
    successMessage: actionData?.ok ? actionData.message : undefined,
  });
  return (
    <Stack gap="lg">
      <PageTitle>{t('adminBilling.plansTitle')}</PageTitle>
      <div>
        <Title order={1}>{t('adminBilling.plansTitle')}</Title>
        <Text c="dimmed" maw={760}>
          {t('adminBilling.plansIntro')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {plans.map((plan) => (
          <PlanForm
            key={plan.id}
            plan={plan}
            defaults={defaults.find((candidate) => candidate.id === plan.id) ?? null}
            feedback={actionData?.planId === plan.id ? actionData : null}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function valuesOf(plan: Plan): PlanValues {
  const values = { monthlyPrice: (plan.monthlyPriceMinor / 100).toFixed(2) } as PlanValues;
  for (const quota of quotaNames) values[quota] = plan.quotas[quota] === null ? '' : String(plan.quotas[quota]);
  return values;
}

function differs(plan: Plan, defaults: Plan | null): boolean {
  if (!defaults) return false;
  return (
    plan.monthlyPriceMinor !== defaults.monthlyPriceMinor ||
    quotaNames.some((quota) => plan.quotas[quota] !== defaults.quotas[quota])
  );
}

function PlanForm({ plan, defaults, feedback }: { plan: Plan; defaults: Plan | null; feedback: PlansFeedback | null }) {
  const { t } = useTranslation();
  const failure = feedback && !feedback.ok ? feedback : null;
  const values = failure?.values ?? valuesOf(plan);
  const errors = failure?.fieldErrors ?? {};
  const name = t(`plans.names.${plan.id}`);
  const titleId = `admin-plan-${plan.id}`;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={titleId} data-plan={plan.id}>
      {/* Re-keyed on each outcome so the fields show the saved (or refused) values. */}
      <Form method="post" action={pagePath} key={JSON.stringify(values)} noValidate>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h3" id={titleId}>
              {name}
            </Title>
            {differs(plan, defaults) && (
              <Badge color="orange" variant="light">
                {t('adminBilling.customized')}
              </Badge>
            )}
          </Group>
          {failure && (
            <Alert color="red" role="alert" title={t('adminBilling.errorTitle')}>
              {failure.error}
            </Alert>
          )}
          <input type="hidden" name="planId" value={plan.id} />
          <TextInput
            label={t('adminBilling.price')}
            name="monthlyPrice"
            inputMode="decimal"
            defaultValue={values.monthlyPrice}
            error={errors.monthlyPrice}
            dir="ltr"
          />
          {quotaNames.map((quota) => (
            <TextInput
              key={quota}
              label={t(`plans.quotas.${quota}`)}
              description={t('adminBilling.unlimitedHint')}
              name={quota}
              inputMode="numeric"
              placeholder={t('plans.unlimited')}
              defaultValue={values[quota]}
              error={errors[quota]}
              dir="ltr"
            />
          ))}
          <Group>
            <SubmitButton action={pagePath} name="intent" value={`save-${plan.id}`}>
              {t('adminBilling.save', { plan: name })}
            </SubmitButton>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
