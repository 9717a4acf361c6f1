import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  type AffiliationRequestView,
  type AffiliationStatus,
  type affiliationRequestListSchema,
  affiliationStatuses,
} from '@souk/contracts/affiliation';
import type { Commission } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { AffiliationStatusBadge } from '../../components/affiliation/affiliation-status-badge';
import { QuotaUpgradeButton } from '../../components/billing/quota-upgrade-button';
import { ConfirmSubmit } from '../../components/confirm-submit';
import { PageTitle } from '../../components/page-title';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { formatBasisPoints, formatMoney } from '../../lib/format-money';
import { translations } from '../../lib/i18n';
import { formatDateTime, intlLocale } from '../../lib/intl';
import { localeOf } from '../../lib/locale.server';
import { useRootData } from '../../lib/root-data';
import { unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/merchant-requests';
import { failed, requireMerchantSide, succeeded } from './affiliation.server';

const pagePath = '/merchant/affiliations';

function isStatus(value: string | null): value is AffiliationStatus {
  return affiliationStatuses.includes(value as AffiliationStatus);
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const team = await requireMerchantSide(context, request);
  const status = new URL(request.url).searchParams.get('status');
  const query = new URLSearchParams({ organizationId: team.teamId });
  if (isStatus(status)) query.set('status', status);
  const list = unwrapForPage(
    await apiJson<z.infer<typeof affiliationRequestListSchema>>(context, `/api/v1/affiliation-requests?${query}`),
    request,
  );
  return { team, items: list.items, status: isStatus(status) ? status : null };
}

function overrideOf(form: FormData): Commission | null {
  const type = formText(form, 'overrideType');
  const value = Number(formText(form, 'overrideValue').replace(',', '.'));
  if (!Number.isFinite(value) || value < 0 || !formText(form, 'overrideValue')) return null;
  if (type === 'percentage') return { type: 'percentage', basisPoints: Math.round(value * 100) };
  if (type === 'fixed') return { type: 'fixed', amountMinor: Math.round(value * 100) };
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const text = translations[locale].affiliation.merchant;
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const id = encodeURIComponent(formText(form, 'id'));
  if (intent === 'approve') {
    const override = overrideOf(form);
    const result = await apiJson(context, `/api/v1/affiliation-requests/${id}/approve`, {
      method: 'POST',
      json: override ? { commissionOverride: override } : {},
    });
    if (!result.ok) return failed(result, locale, intent, pagePath, id);
    return succeeded(intent, text.approved, id);
  }
  if (intent === 'reject') {
    const result = await apiJson(context, `/api/v1/affiliation-requests/${id}/reject`, {
      method: 'POST',
      json: { reason: formText(form, 'reason') },
    });
    if (!result.ok) return failed(result, locale, intent, pagePath, id);
    return succeeded(intent, text.rejected, id);
  }
  const result = await apiJson(context, `/api/v1/affiliation-requests/${id}/end`, { method: 'POST', json: {} });
  if (!result.ok) return failed(result, locale, 'end', pagePath, id);
  return succeeded('end', text.ended, id);
}

export default function MerchantRequests({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { items, team, status } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('affiliation.errorTitle'), successMessage: actionData?.message });
  const filters: (AffiliationStatus | null)[] = [null, ...affiliationStatuses];
  return (
    <Stack gap="lg">
      <PageTitle>{t('affiliation.merchant.title')}</PageTitle>
      <div>
        <Title order={1}>{t('affiliation.merchant.title')}</Title>
        <Text c="dimmed">{t('affiliation.merchant.intro')}</Text>
      </div>
      <nav aria-label={t('affiliation.requests.status')}>
        <Group gap="xs">
          {filters.map((filter) => (
            <Button
              key={filter ?? 'all'}
              component={Link}
              to={filter ? `${pagePath}?status=${filter}` : pagePath}
              size="compact-sm"
              variant={filter === status ? 'filled' : 'default'}
              aria-current={filter === status ? 'page' : undefined}
            >
              {filter ? t(`affiliation.status.${filter}`) : t('affiliation.merchant.filterAll')}
            </Button>
          ))}
        </Group>
      </nav>
      {!team.canDecide && <Alert color="blue">{t('affiliation.merchant.readOnly')}</Alert>}
      {actionData && !actionData.ok && (
        <Alert color="red" role="alert">
          {actionData.error}
          <QuotaUpgradeButton href={actionData.upgradeUrl} />
        </Alert>
      )}
      {items.length === 0 ? (
        <Paper withBorder p="xl" data-testid="requests-empty">
          <Title order={2} size="h4">
            {t('affiliation.merchant.empty')}
          </Title>
          <Text c="dimmed">{t('affiliation.merchant.emptyText')}</Text>
        </Paper>
      ) : (
        items.map((item) => <RequestCard key={item.id} item={item} canDecide={team.canDecide} />)
      )}
    </Stack>
  );
}

function RequestCard({ item, canDecide }: { item: AffiliationRequestView; canDecide: boolean }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const numbers = new Intl.NumberFormat(intlLocale(locale));
  const performance = item.influencer.performance;
  return (
    <Paper withBorder p="md" component="article" data-testid="affiliation-request" data-request-id={item.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              {item.influencer.name}
            </Title>
            <Anchor component={Link} to={`/p/${item.productSlug}`} size="sm">
              {item.productTitle}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('affiliation.requestedOn', { date: formatDateTime(new Date(item.createdAt), locale) })}
              {item.autoApproved ? ` · ${t('affiliation.merchant.autoApproved')}` : ''}
            </Text>
          </div>
          <AffiliationStatusBadge status={item.status} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text fw={600} size="sm">
              {t('affiliation.merchant.audience')}
            </Text>
            <List size="sm">
              {item.audience.map((entry) => (
                <List.Item key={`${entry.platform}-${entry.handle}`}>
                  {t(`affiliation.platform.${entry.platform}`)} · <span dir="ltr">{entry.handle}</span> ·{' '}
                  {numbers.format(entry.followers)} {t('affiliation.promote.followers').toLowerCase()}
                </List.Item>
              ))}
            </List>
          </div>
          <div>
            <Text fw={600} size="sm">
              {t('affiliation.merchant.performance')}
            </Text>
            <Text size="sm">
              {performance && performance.approvedAffiliations > 0
                ? t('affiliation.merchant.performanceLine', {
                    affiliations: performance.approvedAffiliations,
                    clicks: numbers.format(performance.clicks),
                    conversions: numbers.format(performance.conversions),
                    rate: formatBasisPoints(Math.round(performance.conversionRate * 10_000), locale),
                    earned: formatMoney(performance.commissionsEarnedMinor, 'MAD', locale),
                  })
                : t('affiliation.merchant.newcomer')}
            </Text>
          </div>
        </SimpleGrid>
        <div>
          <Text fw={600} size="sm">
            {t('affiliation.merchant.message')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {item.message || t('affiliation.merchant.noMessage')}
          </Text>
        </div>
        {item.decisionReason && (
          <Text size="sm">{t('affiliation.promote.reason', { reason: item.decisionReason })}</Text>
        )}
        {canDecide && item.status === 'pending' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <ConfirmSubmit
              fields={{ intent: 'approve', id: item.id }}
              label={t('affiliation.merchant.approve')}
              question={t('affiliation.merchant.approveQuestion', {
                name: item.influencer.name,
                deal: item.productTitle,
              })}
              color="green"
              testId="approve-form"
            >
              <Text fw={600} size="sm">
                {t('affiliation.merchant.override')}
              </Text>
              <Group gap="xs" grow>
                <NativeSelect
                  name="overrideType"
                  label={t('affiliation.merchant.overrideType')}
                  data={[
                    { value: '', label: t('affiliation.merchant.overrideNone') },
                    { value: 'percentage', label: t('affiliation.merchant.overridePercent') },
                    { value: 'fixed', label: t('affiliation.merchant.overrideFixed') },
                  ]}
                />
                <TextInput
                  name="overrideValue"
                  label={t('affiliation.merchant.overrideValue')}
                  inputMode="decimal"
                  dir="ltr"
                />
              </Group>
            </ConfirmSubmit>
            <ConfirmSubmit
              fields={{ intent: 'reject', id: item.id }}
              label={t('affiliation.merchant.reject')}
              question={t('affiliation.merchant.rejectReason')}
              color="red"
              variant="light"
              testId="reject-form"
            >
              <Textarea
                name="reason"
                label={t('affiliation.merchant.rejectReason')}
                description={t('affiliation.merchant.rejectHint')}
                required
                minLength={3}
                maxLength={1000}
                autosize
                minRows={2}
              />
            </ConfirmSubmit>
          </SimpleGrid>
        )}
        {canDecide && item.status === 'approved' && (
          <ConfirmSubmit
            fields={{ intent: 'end', id: item.id }}
            label={t('affiliation.merchant.end')}
            question={t('affiliation.merchant.endQuestion')}
            color="red"
            variant="default"
            testId="end-form"
          />
        )}
      </Stack>
    </Paper>
  );
}
