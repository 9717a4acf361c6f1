import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  type CommissionStatus,
  type CommissionView,
  type commissionListSchema,
  commissionStatuses,
} from '@souk/contracts/affiliation';
import { useTranslation } from 'react-i18next';
import { data, Form, Link } from 'react-router';
import type { z } from 'zod';
import { CommissionStatusBadge } from '../../components/affiliation/affiliation-status-badge';
import { StatCard } from '../../components/affiliation/stat-card';
import { ConfirmSubmit } from '../../components/confirm-submit';
import { PageTitle } from '../../components/page-title';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { formatMoney } from '../../lib/format-money';
import { translations } from '../../lib/i18n';
import { formatDateTime } from '../../lib/intl';
import { localeOf } from '../../lib/locale.server';
import { useRootData } from '../../lib/root-data';
import { requireUser, unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/commissions';
import { dayStart, failed, requireMerchantSide, succeeded } from './affiliation.server';

type CommissionList = z.infer<typeof commissionListSchema>;

function isStatus(value: string | null): value is CommissionStatus {
  return commissionStatuses.includes(value as CommissionStatus);
}

/** Influencers' earnings (`/influencer/earnings`) and merchants' commissions owed (`/merchant/commissions`). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const merchantSide = url.pathname.startsWith('/merchant');
  const query = new URLSearchParams({ limit: '100' });
  let canDecide = false;
  if (merchantSide) {
    const team = await requireMerchantSide(context, request);
    query.set('organizationId', team.teamId);
    canDecide = team.canDecide;
    if (url.searchParams.get('onHold') === 'true') query.set('onHold', 'true');
  } else {
    const viewer = await requireUser(context, request);
    if (viewer.accountType !== 'influencer') throw data(null, { status: 403 });
  }
  const status = url.searchParams.get('status');
  if (isStatus(status)) query.set('status', status);
  const fromDay = url.searchParams.get('from');
  const toDay = url.searchParams.get('to');
  const from = dayStart(fromDay);
  const to = dayStart(toDay, true);
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const cursor = url.searchParams.get('cursor');
  if (cursor) query.set('cursor', cursor.slice(0, 200));
  const list = unwrapForPage(await apiJson<CommissionList>(context, `/api/v1/commissions?${query}`), request);
  const exportQuery = new URLSearchParams();
  if (from) exportQuery.set('from', from);
  if (to) exportQuery.set('to', to);
  if (merchantSide) exportQuery.set('organizationId', query.get('organizationId') ?? '');
  const next = new URLSearchParams(url.searchParams);
  if (list.nextCursor) next.set('cursor', list.nextCursor);
  return {
    merchantSide,
    canDecide,
    list,
    filters: {
      status: isStatus(status) ? status : '',
      from: from ? (fromDay ?? '') : '',
      to: to ? (toDay ?? '') : '',
      onHold: query.get('onHold') === 'true',
    },
    exportQuery: exportQuery.toString(),
    nextHref: list.nextCursor ? `${url.pathname}?${next}` : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const text = translations[locale].affiliation.earnings;
  const form = await request.formData();
  const intent = formText(form, 'intent') === 'reject' ? 'reject' : 'approve';
  const id = encodeURIComponent(formText(form, 'id'));
  const result = await apiJson(context, `/api/v1/commissions/${id}/${intent}`, {
    method: 'POST',
    json: intent === 'reject' ? { reason: formText(form, 'reason') } : {},
  });
  if (!result.ok) return failed(result, locale, intent, '/merchant/commissions', id);
  return succeeded(intent, intent === 'reject' ? text.rejected : text.approved, id);
}

export default function Commissions({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { list, merchantSide, filters, canDecide } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('affiliation.errorTitle'), successMessage: actionData?.message });
  const title = merchantSide ? t('affiliation.earnings.merchantTitle') : t('affiliation.earnings.title');
  const exportHref = `/api/v1/commissions/export.csv${loaderData.exportQuery ? `?${loaderData.exportQuery}` : ''}`;
  return (
    <Stack gap="lg">
      <PageTitle>{title}</PageTitle>
      <div>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">
          {merchantSide ? t('affiliation.earnings.merchantIntro') : t('affiliation.earnings.intro')}
        </Text>
      </div>
      <Form method="get">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            name="status"
            label={t('affiliation.earnings.status')}
            defaultValue={filters.status}
            data={[
              { value: '', label: t('affiliation.earnings.all') },
              ...commissionStatuses.map((status) => ({
                value: status,
                label: t(`affiliation.commissionStatus.${status}`),
              })),
            ]}
          />
          <TextInput type="date" name="from" label={t('affiliation.earnings.from')} defaultValue={filters.from} />
          <TextInput type="date" name="to" label={t('affiliation.earnings.to')} defaultValue={filters.to} />
          {merchantSide && (
            <Switch
              name="onHold"
              value="true"
              label={t('affiliation.earnings.heldOnly')}
              defaultChecked={filters.onHold}
              mb={8}
            />
          )}
          <Button type="submit" variant="light">
            {t('affiliation.earnings.filter')}
          </Button>
          <Button component="a" href={exportHref} variant="default">
            {t('affiliation.links.exportCommissions')}
          </Button>
        </Group>
      </Form>
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert">
          {actionData.error}
        </Alert>
      )}
      {list.totals.map((total) => (
        <SimpleGrid key={total.currency} cols={{ base: 1, xs: 3 }} data-testid="commission-totals">
          <StatCard
            label={t('affiliation.commissionStatus.pending')}
            value={formatMoney(total.pending, total.currency, locale)}
            testId="total-pending"
          />
          <StatCard
            label={t('affiliation.commissionStatus.approved')}
            value={formatMoney(total.approved, total.currency, locale)}
            testId="total-approved"
          />
          <StatCard
            label={t('affiliation.commissionStatus.paid')}
            value={formatMoney(total.paid, total.currency, locale)}
            testId="total-paid"
          />
        </SimpleGrid>
      ))}
      {merchantSide && list.perInfluencer.length > 0 && (
        <section>
          <Title order={2} size="h4" mb="xs">
            {t('affiliation.earnings.perInfluencer')}
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('affiliation.earnings.influencer')}</Table.Th>
                  <Table.Th>{t('affiliation.commissionStatus.pending')}</Table.Th>
                  <Table.Th>{t('affiliation.commissionStatus.approved')}</Table.Th>
                  <Table.Th>{t('affiliation.commissionStatus.paid')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.perInfluencer.map((row) => (
                  <Table.Tr key={`${row.influencerId}-${row.currency}`}>
                    <Table.Td>{row.influencerName}</Table.Td>
                    <Table.Td>{formatMoney(row.pendingMinor, row.currency, locale)}</Table.Td>
                    <Table.Td>{formatMoney(row.approvedMinor, row.currency, locale)}</Table.Td>
                    <Table.Td>{formatMoney(row.paidMinor, row.currency, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      )}
      {list.items.length === 0 ? (
        <Paper withBorder p="xl" data-testid="commissions-empty">
          <Title order={2} size="h4">
            {t('affiliation.earnings.empty')}
          </Title>
          <Text c="dimmed">
            {merchantSide ? t('affiliation.earnings.merchantEmptyText') : t('affiliation.earnings.emptyText')}
          </Text>
        </Paper>
      ) : (
        <Stack gap="sm">
          {list.items.map((item) => (
            <CommissionRow key={item.id} item={item} merchantSide={merchantSide} canDecide={canDecide} />
          ))}
        </Stack>
      )}
      {loaderData.nextHref && (
        <Button component={Link} to={loaderData.nextHref} variant="default" style={{ alignSelf: 'flex-start' }}>
          →
        </Button>
      )}
    </Stack>
  );
}

function CommissionRow({
  item,
  merchantSide,
  canDecide,
}: {
  item: CommissionView;
  merchantSide: boolean;
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const amount = formatMoney(item.amountMinor, item.currency, locale);
  return (
    <Paper withBorder p="sm" data-testid="commission" data-status={item.status} data-order-ref={item.orderRef}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text fw={600}>{item.productTitle}</Text>
          <Text size="sm" c="dimmed">
            {t('affiliation.earnings.order')}: <span dir="ltr">{item.orderRef}</span>
            {merchantSide ? ` · ${t('affiliation.earnings.influencer')}: ${item.influencerName}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(new Date(item.createdAt), locale)}
            {item.status === 'pending' && !item.onHold
              ? ` · ${t('affiliation.earnings.approvableAt', { date: formatDateTime(new Date(item.approvableAt), locale) })}`
              : ''}
          </Text>
          {item.fraudSignals.length > 0 && (
            <Text size="xs" c="orange.8">
              {t('affiliation.earnings.signals', {
                signals: item.fraudSignals.map((signal) => t(`affiliation.earnings.signal.${signal}`)).join(', '),
              })}
            </Text>
          )}
          {item.rejectionReason && (
            <Text size="xs">{t('affiliation.promote.reason', { reason: item.rejectionReason })}</Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end">
          <Text fw={700} data-testid="commission-amount">
            {amount}
          </Text>
          <Group gap={4}>
            <CommissionStatusBadge status={item.status} />
            {item.onHold && item.status === 'pending' && (
              <Text size="xs" c="orange.8" fw={600}>
                {t('affiliation.earnings.onHold')}
              </Text>
            )}
          </Group>
        </Stack>
      </Group>
      {merchantSide && canDecide && item.status === 'pending' && (
        <Group gap="sm" mt="sm" align="flex-start">
          <ConfirmSubmit
            fields={{ intent: 'approve', id: item.id }}
            label={t('affiliation.earnings.approve')}
            question={t('affiliation.earnings.approveQuestion', { amount })}
            color="green"
            size="compact-sm"
          />
          <details>
            <summary style={{ cursor: 'pointer' }}>
              <Text span size="sm" c="red.8">
                {t('affiliation.earnings.rejectFraud')}
              </Text>
            </summary>
            <ConfirmSubmit
              fields={{ intent: 'reject', id: item.id }}
              label={t('affiliation.earnings.rejectFraud')}
              question={t('affiliation.earnings.rejectTitle')}
              color="red"
              size="compact-sm"
            >
              <TextInput
                name="reason"
                label={t('affiliation.earnings.reason')}
                description={t('affiliation.earnings.reasonHint')}
                required
                minLength={3}
                maxLength={1000}
              />
            </ConfirmSubmit>
          </details>
        </Group>
      )}
    </Paper>
  );
}
