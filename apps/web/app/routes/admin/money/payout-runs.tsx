import { Alert, Anchor, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Form, Link, redirect } from 'react-router';
import { EmptyState } from '../../../components/money/empty-state';
import { RunStatusBadge } from '../../../components/money/money-badges';
import { PageTitle } from '../../../components/page-title';
import { SubmitButton } from '../../../components/submit-button';
import { Timestamp } from '../../../components/timestamp';
import { apiJson } from '../../../lib/api.server';
import { formText } from '../../../lib/auth-feedback.server';
import { formatMoney } from '../../../lib/format-money';
import { translations } from '../../../lib/i18n';
import { localeOf } from '../../../lib/locale.server';
import { moneyFailed, monthOf, previousMonth } from '../../../lib/money/money-action.server';
import { moneyApi } from '../../../lib/money/money-api';
import type { PayoutRun, PayoutRunSummary } from '../../../lib/money/types';
import { useRootData } from '../../../lib/root-data';
import { requireAdmin, unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/payout-runs';

/** The monthly payout runs, newest first, and the form that previews a month. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const runs = unwrapForPage(await apiJson<{ items: PayoutRunSummary[] }>(context, moneyApi.payoutRuns), request);
  return { runs: runs.items, defaultPeriod: previousMonth() };
}

/** Creating a preview; the API answers the existing run when the month already has one. */
export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const form = await request.formData();
  const period = monthOf(formText(form, 'period'));
  if (!period) {
    return { ok: false as const, intent: 'create', error: translations[locale].money.adminPayouts.badMonth };
  }
  const result = await apiJson<PayoutRun>(context, moneyApi.payoutRuns, { method: 'POST', json: { period } });
  if (!result.ok) return moneyFailed(result, locale, 'create', '/admin/payouts');
  throw redirect(`/admin/payouts/${result.data.id}`);
}

export default function AdminPayoutRuns({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { runs, defaultPeriod } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('money.errorTitle') });
  return (
    <Stack gap="lg">
      <PageTitle>{t('money.adminPayouts.title')}</PageTitle>
      <div>
        <Title order={1}>{t('money.adminPayouts.title')}</Title>
        <Text c="dimmed">{t('money.adminPayouts.intro')}</Text>
      </div>
      <Paper withBorder p="md" component="section" aria-labelledby="create-run-title">
        <Title order={2} size="h4" id="create-run-title" mb="xs">
          {t('money.adminPayouts.createTitle')}
        </Title>
        <Form method="post" data-testid="create-run">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              type="month"
              name="period"
              label={t('money.adminPayouts.month')}
              defaultValue={defaultPeriod}
              required
              pattern="\d{4}-\d{2}"
              error={actionData && !actionData.ok ? actionData.error : undefined}
            />
            <SubmitButton>{t('money.adminPayouts.create')}</SubmitButton>
          </Group>
        </Form>
      </Paper>
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert">
          {actionData.error}
        </Alert>
      )}
      <section aria-labelledby="runs-title">
        <Title order={2} size="h4" id="runs-title" mb="xs">
          {t('money.adminPayouts.runs')}
        </Title>
        {runs.length === 0 ? (
          <EmptyState
            title={t('money.adminPayouts.empty')}
            text={t('money.adminPayouts.emptyText')}
            testId="runs-empty"
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="run-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('money.period')}</Table.Th>
                  <Table.Th>{t('money.status')}</Table.Th>
                  <Table.Th>{t('money.adminPayouts.lines')}</Table.Th>
                  <Table.Th>{t('money.adminPayouts.total')}</Table.Th>
                  <Table.Th>{t('money.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.map((run) => (
                  <Table.Tr key={run.id} data-testid="run-row" data-period={run.period} data-status={run.status}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/payouts/${run.id}`} dir="ltr" fw={600}>
                        {run.period}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <RunStatusBadge status={run.status} />
                    </Table.Td>
                    <Table.Td>
                      {run.lineCount}
                      {run.paidCount + run.failedCount > 0 && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({t('money.adminPayouts.settledCount', { paid: run.paidCount, failed: run.failedCount })})
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatMoney(run.totalMinor, run.currency, locale)}</Table.Td>
                    <Table.Td>
                      <Timestamp value={run.createdAt} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
