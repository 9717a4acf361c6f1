import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { LinkView } from '@souk/contracts/affiliation';
import type { PostView, SocialProviderView } from '@souk/contracts/social';
import { useTranslation } from 'react-i18next';
import { data, Link, redirect } from 'react-router';
import { QuotaUpgradeButton } from '../../components/billing/quota-upgrade-button';
import { PageTitle } from '../../components/page-title';
import { Composer } from '../../components/social/composer/composer';
import { apiJson } from '../../lib/api.server';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { unwrapForPage } from '../../lib/session.server';
import { fallbackTimeZone } from '../../lib/social/zoned-time';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/compose';
import {
  loadAccounts,
  loadBestTimes,
  loadChoices,
  loadCreatorInfo,
  loadDeal,
  loadMyLinks,
  loadSuggestions,
  loadTemplates,
  postBodyFrom,
} from './compose.server';
import { failed, requireSocialScope, type SocialFeedback } from './social.server';
import { scopedPath } from './social-scope';

export async function loader({ request, context }: Route.LoaderArgs) {
  const scope = await requireSocialScope(context, request);
  const locale = localeOf(request);
  const url = new URL(request.url);
  const linkId = url.searchParams.get('linkId');
  let productId = url.searchParams.get('productId');
  let link: LinkView | null = null;
  if (linkId && scope.owner === 'me') {
    link = (await loadMyLinks(context)).find((item) => item.id === linkId) ?? null;
    if (!link) throw data(null, { status: 404 });
    productId = link.productId;
  }
  const keep = new URLSearchParams();
  for (const name of ['templateId', 'team']) {
    const value = url.searchParams.get(name);
    if (value) keep.set(name, value);
  }
  if (!productId) {
    return { step: 'choose' as const, scope, keep: keep.toString(), choices: await loadChoices(context, scope) };
  }
  if (!link && scope.owner === 'me') {
    // From a deal page: the main link of that deal, when the influencer has one.
    const links = (await loadMyLinks(context)).filter((item) => item.productId === productId);
    link = links.find((item) => item.channel === null) ?? links[0] ?? null;
  }
  const [deal, accounts, providers, templates] = await Promise.all([
    loadDeal(context, scope, productId),
    loadAccounts(context, scope),
    apiJson<{ items: SocialProviderView[] }>(context, '/api/v1/social/providers'),
    loadTemplates(context, scope),
  ]);
  if (!deal) throw data(null, { status: 404 });
  const usable = accounts.filter((account) => account.health !== 'disconnected');
  const platforms = [...new Set(usable.map((account) => account.provider))];
  const source = link ? { linkId: link.id } : { productId };
  const [suggestions, creatorInfo, bestTimes] = await Promise.all([
    loadSuggestions(context, source, platforms, locale),
    loadCreatorInfo(context, usable),
    loadBestTimes(context, usable, fallbackTimeZone),
  ]);
  return {
    step: 'compose' as const,
    scope,
    keep: keep.toString(),
    templateId: url.searchParams.get('templateId'),
    deal,
    link: link ? { id: link.id, shortUrl: link.shortUrl } : null,
    accounts: usable,
    providers: unwrapForPage(providers, request).items,
    suggestions,
    creatorInfo,
    bestTimes,
    templates,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const words = translations[locale].social.compose;
  const scope = await requireSocialScope(context, request);
  const form = await request.formData();
  const body = postBodyFrom(form, await loadAccounts(context, scope), scope);
  const pagePath = scopedPath(scope, '/compose');
  const refuse = (fieldErrors: Record<string, string>, error: string) =>
    data<SocialFeedback>({ ok: false, intent: 'publish', error, fieldErrors }, { status: 422 });
  if (body.targets.length === 0) return refuse({ accountId: words.chooseAccount }, words.chooseAccount);
  if (body.mode === 'schedule') {
    if (!body.scheduledAt) return refuse({ scheduledAt: words.chooseTime }, words.chooseTime);
    if (new Date(body.scheduledAt).getTime() <= Date.now())
      return refuse({ scheduledAt: words.pastTime }, words.pastTime);
  }
  const result = await apiJson<PostView>(context, '/api/v1/social/posts', { method: 'POST', json: body });
  if (!result.ok) {
    const accounts = body.targets.map((target) => target.accountId);
    return failed(result, locale, 'publish', pagePath, undefined, accounts);
  }
  throw redirect(scopedPath(scope, `/posts/${result.data.id}`, { done: body.mode }));
}

export default function Compose({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, { errorTitle: t('social.errorTitle') });
  // The template and team chosen before the deal stay chosen.
  const keep = loaderData.keep ? `&${loaderData.keep}` : '';
  return (
    <Stack gap="lg">
      <PageTitle>{t('social.compose.title')}</PageTitle>
      <div>
        <Title order={1}>{t('social.compose.title')}</Title>
        <Text c="dimmed">{t('social.compose.intro')}</Text>
      </div>
      {loaderData.step === 'choose' ? (
        <Paper withBorder p="md" data-testid="compose-choose">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('social.compose.chooseTitle')}
            </Title>
            {loaderData.choices.length === 0 ? (
              <Text c="dimmed">
                {t('social.compose.nothingToPublish')}{' '}
                {loaderData.scope.owner === 'me' && (
                  <Anchor component={Link} to="/influencer/links">
                    {t('social.compose.toMyLinks')}
                  </Anchor>
                )}
              </Text>
            ) : (
              loaderData.choices.map((choice) => (
                <Anchor key={choice.search} component={Link} to={`?${choice.search}${keep}`} dir="auto">
                  {choice.label}
                </Anchor>
              ))
            )}
          </Stack>
        </Paper>
      ) : loaderData.accounts.length === 0 ? (
        <Paper withBorder p="xl" data-testid="compose-no-accounts">
          <Stack gap="xs" align="flex-start">
            <Title order={2} size="h4">
              {t('social.compose.noAccounts')}
            </Title>
            <Text c="dimmed">{t('social.compose.noAccountsText')}</Text>
            <Button component={Link} to={scopedPath(loaderData.scope, '/accounts')}>
              {t('social.compose.connectFirst')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <>
          {actionData && !actionData.ok && (
            <Alert color="red" role="alert" data-testid="compose-error">
              {actionData.error}
              <QuotaUpgradeButton href={actionData.upgradeUrl} />
            </Alert>
          )}
          <Group gap="xs">
            <Text fw={600}>{loaderData.deal.title}</Text>
          </Group>
          <Composer {...loaderData} feedback={actionData} />
        </>
      )}
    </Stack>
  );
}
