import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  type AffiliationRequestView,
  type AudienceEntry,
  type affiliationRequestListSchema,
  audiencePlatforms,
} from '@souk/contracts/affiliation';
import type { PublicProduct } from '@souk/contracts/catalog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, Form, Link } from 'react-router';
import type { z } from 'zod';
import { AffiliationStatusBadge } from '../../components/affiliation/affiliation-status-badge';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { translations } from '../../lib/i18n';
import { formatDateTime } from '../../lib/intl';
import { localeOf } from '../../lib/locale.server';
import { useRootData } from '../../lib/root-data';
import { requireUser, unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/promote';
import { failed, succeeded } from './affiliation.server';

type RequestList = z.infer<typeof affiliationRequestListSchema>;

async function loadProduct(context: Route.LoaderArgs['context'], slug: string): Promise<PublicProduct> {
  const product = await apiJson<PublicProduct>(context, `/api/v1/marketplace/products/${encodeURIComponent(slug)}`);
  if (!product.ok) throw data(product.problem, { status: product.status === 301 ? 404 : product.status });
  return product.data;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const viewer = await requireUser(context, request);
  const product = await loadProduct(context, params.slug);
  let existing: AffiliationRequestView | null = null;
  if (viewer.accountType === 'influencer') {
    const list = unwrapForPage(
      await apiJson<RequestList>(context, `/api/v1/affiliation-requests?productId=${product.id}`),
      request,
    );
    existing = list.items.find((item) => item.productId === product.id) ?? null;
  }
  return {
    isInfluencer: viewer.accountType === 'influencer',
    product: { id: product.id, slug: product.slug, title: product.title, merchant: product.merchant.name },
    existing,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const form = await request.formData();
  const product = await loadProduct(context, params.slug);
  const platforms = form.getAll('platform').map(String);
  const handles = form.getAll('handle').map((value) => String(value).trim());
  const followers = form.getAll('followers').map((value) => String(value).replace(/[\s\u202f\u00a0.,]/g, ''));
  const audience: AudienceEntry[] = [];
  for (const [index, handle] of handles.entries()) {
    if (!handle) continue;
    const platform = platforms[index] as AudienceEntry['platform'];
    audience.push({ platform, handle, followers: Number(followers[index] || 0) });
  }
  const result = await apiJson<AffiliationRequestView>(context, `/api/v1/products/${product.id}/affiliation-requests`, {
    method: 'POST',
    json: { message: formText(form, 'message'), audience },
  });
  if (!result.ok) return failed(result, locale, 'request', `/p/${params.slug}/promote`);
  return succeeded('request', translations[locale].affiliation.promote.sent);
}

type Row = { key: number; platform: string; handle: string; followers: number | string };

export default function Promote({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { product, existing, isInfluencer } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('affiliation.errorTitle'), successMessage: actionData?.message });
  return (
    <Stack gap="lg" maw={760}>
      <PageTitle>{t('affiliation.promote.title')}</PageTitle>
      <div>
        <Title order={1}>{t('affiliation.promote.title')}</Title>
        <Anchor component={Link} to={`/p/${product.slug}`} fw={600}>
          {product.title}
        </Anchor>
      </div>
      {!isInfluencer ? (
        <Paper withBorder p="xl" data-testid="promote-not-influencer">
          <Stack gap="xs" align="flex-start">
            <Title order={2} size="h4">
              {t('affiliation.promote.forInfluencers')}
            </Title>
            <Text c="dimmed">{t('affiliation.promote.forInfluencersText')}</Text>
            <Button component={Link} to={`/p/${product.slug}`} variant="light">
              {t('affiliation.promote.backToDeal')}
            </Button>
          </Stack>
        </Paper>
      ) : existing ? (
        <RequestStatus request={existing} />
      ) : (
        <RequestForm merchant={product.merchant} actionData={actionData} />
      )}
    </Stack>
  );
}

function RequestStatus({ request }: { request: AffiliationRequestView }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const color = { pending: 'yellow', approved: 'green', rejected: 'red', ended: 'gray' }[request.status];
  return (
    <Alert
      color={color}
      data-testid="promote-status"
      data-status={request.status}
      title={
        <Group gap="xs">
          {t('affiliation.promote.statusTitle', { status: '' })}
          <AffiliationStatusBadge status={request.status} />
        </Group>
      }
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t(`affiliation.promote.${request.status}Text`)}</Text>
        {request.decisionReason && (
          <Text size="sm">{t('affiliation.promote.reason', { reason: request.decisionReason })}</Text>
        )}
        <Text size="xs" c="dimmed">
          {t('affiliation.requestedOn', { date: formatDateTime(new Date(request.createdAt), locale) })}
        </Text>
        <Group gap="xs">
          {request.status === 'approved' && (
            <Button component={Link} to="/influencer/links" size="compact-md">
              {t('affiliation.promote.toMyLinks')}
            </Button>
          )}
          <Button component={Link} to="/influencer/affiliations" size="compact-md" variant="default">
            {t('affiliation.promote.toMyAffiliations')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function RequestForm({ merchant, actionData }: { merchant: string; actionData: Route.ComponentProps['actionData'] }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>([{ key: 0, platform: 'instagram', handle: '', followers: '' }]);
  const [nextKey, setNextKey] = useState(1);
  const fieldErrors = actionData && !actionData.ok ? (actionData.fieldErrors ?? {}) : {};
  const update = (key: number, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <Form method="post">
      <Stack gap="md">
        <Text>{t('affiliation.promote.intro', { merchant })}</Text>
        {actionData && !actionData.ok && (
          <Alert color="red" role="alert">
            {actionData.error}
          </Alert>
        )}
        <Textarea
          name="message"
          label={t('affiliation.promote.message')}
          description={t('affiliation.promote.messageHint')}
          autosize
          minRows={3}
          maxLength={2000}
          error={fieldErrors.message}
        />
        <Fieldset legend={t('affiliation.promote.audience')}>
          <Stack gap="sm">
            {rows.map((row, index) => (
              <Group key={row.key} gap="xs" align="flex-end" wrap="wrap" data-testid="audience-row">
                <NativeSelect
                  name="platform"
                  label={t('affiliation.promote.platform')}
                  value={row.platform}
                  onChange={(event) => update(row.key, { platform: event.currentTarget.value })}
                  data={audiencePlatforms.map((platform) => ({
                    value: platform,
                    label: t(`affiliation.platform.${platform}`),
                  }))}
                  w={{ base: '100%', xs: 140 }}
                />
                <TextInput
                  name="handle"
                  label={t('affiliation.promote.handle')}
                  value={row.handle}
                  onChange={(event) => update(row.key, { handle: event.currentTarget.value })}
                  maxLength={100}
                  style={{ flex: '1 1 10rem' }}
                  error={index === 0 ? fieldErrors.handle : undefined}
                />
                <NumberInput
                  name="followers"
                  label={t('affiliation.promote.followers')}
                  value={row.followers}
                  onChange={(value) => update(row.key, { followers: value })}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator=" "
                  style={{ flex: '1 1 8rem' }}
                  error={index === 0 ? fieldErrors.followers : undefined}
                />
                {rows.length > 1 && (
                  <ActionIcon
                    variant="default"
                    size="lg"
                    mb={4}
                    aria-label={t('affiliation.promote.removeRow', { index: index + 1 })}
                    onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
            {rows.length < 10 && (
              <Button
                variant="subtle"
                size="compact-sm"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => {
                  setRows((current) => [
                    ...current,
                    { key: nextKey, platform: 'instagram', handle: '', followers: '' },
                  ]);
                  setNextKey(nextKey + 1);
                }}
              >
                {t('affiliation.promote.addRow')}
              </Button>
            )}
          </Stack>
        </Fieldset>
        <SubmitButton style={{ alignSelf: 'flex-start' }} data-testid="send-request">
          {t('affiliation.promote.send')}
        </SubmitButton>
      </Stack>
    </Form>
  );
}
