import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatCard } from '../../../components/affiliation/stat-card';
import { ConfirmSubmit } from '../../../components/confirm-submit';
import { LineStatusBadge, RunStatusBadge } from '../../../components/money/money-badges';
import { PageTitle } from '../../../components/page-title';
import { Timestamp } from '../../../components/timestamp';
import { apiJson } from '../../../lib/api.server';
import { formText } from '../../../lib/auth-feedback.server';
import { formatMoney } from '../../../lib/format-money';
import { translations } from '../../../lib/i18n';
import { localeOf } from '../../../lib/locale.server';
import { moneyFailed, moneySucceeded } from '../../../lib/money/money-action.server';
import { moneyApi } from '../../../lib/money/money-api';
import type { PayoutLine, PayoutRun } from '../../../lib/money/types';
import { useRootData } from '../../../lib/root-data';
import { requireAdmin, unwrapForPage } from '../../../lib/session.server';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/payout-run';

/** One payout run: its lines, the people left out and why, and what the admin does next. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const run = unwrapForPage(await apiJson<PayoutRun>(context, moneyApi.payoutRun(params.id)), request);
  return { run };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const text = translations[locale].money.adminPayouts;
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const returnPath = `/admin/payouts/${params.id}`;
  if (intent === 'approve') {
    const result = await apiJson<PayoutRun>(context, moneyApi.approvePayoutRun(params.id), {
      method: 'POST',
      json: {},
    });
    if (!result.ok) return moneyFailed(result, locale, intent, returnPath);
    return moneySucceeded(intent, text.approved);
  }
  const lineId = formText(form, 'lineId');
  if (intent === 'paid') {
    const result = await apiJson<PayoutLine>(context, moneyApi.payoutLine(params.id, lineId, 'paid'), {
      method: 'POST',
      json: {},
    });
    if (!result.ok) return moneyFailed(result, locale, intent, returnPath, lineId);
    return moneySucceeded(intent, text.markedPaid, lineId);
  }
  const result = await apiJson<PayoutLine>(context, moneyApi.payoutLine(params.id, lineId, 'failed'), {
    method: 'POST',
    json: { reason: formText(form, 'reason') },
  });
  if (!result.ok) return moneyFailed(result, locale, 'failed', returnPath, lineId);
  return moneySucceeded('failed', text.markedFailed, lineId);
}

export default function AdminPayoutRun({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { run } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('money.errorTitle'), successMessage: actionData?.message });
  const title = t('money.adminPayouts.runTitle', { period: run.period });
  const total = formatMoney(run.totalMinor, run.currency, locale);
  const exportable = run.status !== 'preview' && run.lines.length > 0;
  return (
    <Stack gap="lg">
      <PageTitle>{title}</PageTitle>
      <Anchor component={Link} to="/admin/payouts" size="sm">
        {t('money.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={1}>{title}</Title>
          <RunStatusBadge status={run.status} />
        </div>
        <Group gap="sm" wrap="wrap">
          {run.status === 'preview' && run.lines.length > 0 && (
            <ConfirmSubmit
              fields={{ intent: 'approve' }}
              label={t('money.adminPayouts.approve')}
              question={t('money.adminPayouts.approveQuestion', { total, count: run.lines.length })}
              testId="approve-run"
            />
          )}
          {exportable && (
            <>
              <Button
                component="a"
                href={moneyApi.payoutRunExport(run.id, 'csv')}
                download
                variant="default"
                data-testid="export-csv"
              >
                {t('money.adminPayouts.exportCsv')}
              </Button>
              <Button
                component="a"
                href={moneyApi.payoutRunExport(run.id, 'xlsx')}
                download
                variant="default"
                data-testid="export-xlsx"
              >
                {t('money.adminPayouts.exportXlsx')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {run.status === 'preview' && (
        <Alert color="blue" data-testid="preview-note">
          {t('money.adminPayouts.previewNote')}
        </Alert>
      )}
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert">
          {actionData.error}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <StatCard label={t('money.adminPayouts.total')} value={total} testId="run-total" />
        <StatCard label={t('money.adminPayouts.lines')} value={String(run.lineCount)} />
        <StatCard label={t('money.adminPayouts.excluded')} value={String(run.excluded.length)} />
      </SimpleGrid>
      <section aria-labelledby="lines-title">
        <Title order={2} size="h4" id="lines-title" mb="xs">
          {t('money.adminPayouts.lines')}
        </Title>
        {run.lines.length === 0 ? (
          <Text data-testid="lines-empty">{t('money.adminPayouts.noLines')}</Text>
        ) : (
          <Stack gap="sm">
            {run.lines.map((line) => (
              <LineRow key={line.id} line={line} canSettle={run.status !== 'preview'} />
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="excluded-title">
        <Title order={2} size="h4" id="excluded-title" mb="xs">
          {t('money.adminPayouts.excludedTitle')}
        </Title>
        {run.excluded.length === 0 ? (
          <Text data-testid="excluded-empty">{t('money.adminPayouts.noExcluded')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="excluded-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('money.adminPayouts.beneficiary')}</Table.Th>
                  <Table.Th>{t('money.amount')}</Table.Th>
                  <Table.Th>{t('money.adminPayouts.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {run.excluded.map((person) => (
                  <Table.Tr
                    key={`${person.influencerId}-${person.currency}`}
                    data-testid="excluded-row"
                    data-reason={person.reason}
                  >
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {person.name}
                      </Text>
                      <Text size="xs" c="dimmed" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                        {person.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatMoney(person.amountMinor, person.currency, locale)}</Table.Td>
                    <Table.Td>
                      <Badge color="orange" variant="light">
                        {t(`money.exclusionShort.${person.reason}`)}
                      </Badge>{' '}
                      {person.reason !== 'below_minimum' && (
                        <Anchor component={Link} to="/admin/kyc" size="xs">
                          {t('money.adminPayouts.kycLink')}
                        </Anchor>
                      )}
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

function LineRow({ line, canSettle }: { line: PayoutLine; canSettle: boolean }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const amount = formatMoney(line.amountMinor, line.currency, locale);
  return (
    <Paper withBorder p="sm" data-testid="payout-line" data-status={line.status} data-email={line.email}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text fw={600}>{line.beneficiary}</Text>
          <Text size="xs" c="dimmed" dir="ltr" style={{ overflowWrap: 'anywhere', alignSelf: 'flex-start' }}>
            {line.email}
          </Text>
          <Text size="sm" ff="monospace" dir="ltr" style={{ overflowWrap: 'anywhere', alignSelf: 'flex-start' }}>
            {t('money.adminPayouts.rib')} {line.rib}
          </Text>
          <Text size="xs" c="dimmed">
            {t('money.adminPayouts.reference')}: <span dir="ltr">{line.reference}</span>
          </Text>
          {line.paidAt && (
            <Text size="xs" c="dimmed">
              {t('money.payouts.paidOn')} <Timestamp value={line.paidAt} />
            </Text>
          )}
          {line.failureReason && (
            <Text size="xs" c="red.8">
              {t('money.payouts.failedReason', { reason: line.failureReason })}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end">
          <Text fw={700}>{amount}</Text>
          <LineStatusBadge status={line.status} />
        </Stack>
      </Group>
      {canSettle && line.status === 'pending' && (
        <Group gap="sm" mt="sm" align="flex-start" wrap="wrap">
          <ConfirmSubmit
            fields={{ intent: 'paid', lineId: line.id }}
            label={t('money.adminPayouts.markPaid')}
            question={t('money.adminPayouts.markPaidQuestion', { amount, name: line.beneficiary })}
            color="green"
            size="compact-sm"
            testId="mark-paid"
          />
          <details>
            <summary style={{ cursor: 'pointer' }}>
              <Text span size="sm" c="red.8">
                {t('money.adminPayouts.markFailed')}
              </Text>
            </summary>
            <ConfirmSubmit
              fields={{ intent: 'failed', lineId: line.id }}
              label={t('money.adminPayouts.markFailed')}
              question={t('money.adminPayouts.markFailedQuestion', { name: line.beneficiary })}
              color="red"
              size="compact-sm"
              testId="mark-failed"
            >
              <TextInput
                name="reason"
                label={t('money.adminPayouts.failReason')}
                description={t('money.adminPayouts.failReasonHint')}
                required
                minLength={2}
                maxLength={500}
              />
            </ConfirmSubmit>
          </details>
        </Group>
      )}
    </Paper>
  );
}
