import type { AffiliationRequestView, LinkView, linkListSchema } from '@souk/contracts/affiliation';
import type { ProductList, PublicProduct } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import type {
  bestTimeSchema,
  CreatorInfo,
  MediaInput,
  SocialAccountView,
  SocialProvider,
  SocialSuggestion,
  TargetOptions,
  templateListSchema,
} from '@souk/contracts/social';
import type { AppLoadContext } from 'react-router';
import type { z } from 'zod';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { merchantApi } from '../../lib/catalog/catalog-api';
import { scheduledInstantFrom } from '../../lib/social/zoned-time';
import { ownerParams, type SocialScope } from './social-scope';

export interface ComposerDeal {
  productId: string;
  title: string;
  media: MediaInput[];
}

export type BestTime = z.infer<typeof bestTimeSchema>;
export type Template = z.infer<typeof templateListSchema>['items'][number];

/** Something to publish, for the "choose" step when the composer is opened without one. */
export interface Choice {
  label: string;
  search: string;
}

/** The platforms fetch media themselves: addresses must be absolute (the site's public origin). */
function imagesAsMedia(product: PublicProduct, origin: string): MediaInput[] {
  return product.images.map((image) => ({
    url: new URL(image.url, origin).toString(),
    kind: 'image' as const,
    width: image.width,
    height: image.height,
    altText: image.alt || product.title,
  }));
}

async function publicDeal(context: AppLoadContext, slug: string): Promise<PublicProduct | null> {
  const result = await apiJson<PublicProduct>(context, `/api/v1/marketplace/products/${encodeURIComponent(slug)}`);
  return result.ok ? result.data : null;
}

/**
 * The deal's title and pictures. An influencer reaches the public deal through their affiliation
 * (which knows its address); a team or an admin reads its preview.
 */
export async function loadDeal(
  context: AppLoadContext,
  scope: SocialScope,
  productId: string,
): Promise<ComposerDeal | null> {
  let product: PublicProduct | null = null;
  if (scope.owner === 'me') {
    const requests = await apiJson<{ items: AffiliationRequestView[] }>(
      context,
      `/api/v1/affiliation-requests?productId=${encodeURIComponent(productId)}`,
    );
    const slug = requests.ok ? requests.data.items.find((item) => item.productId === productId)?.productSlug : null;
    if (slug) product = await publicDeal(context, slug);
  } else {
    const preview = await apiJson<PublicProduct>(context, `/api/v1/products/${encodeURIComponent(productId)}/preview`);
    product = preview.ok ? preview.data : null;
  }
  if (!product) return null;
  return { productId: product.id, title: product.title, media: imagesAsMedia(product, context.publicOrigin) };
}

export async function loadMyLinks(context: AppLoadContext): Promise<LinkView[]> {
  const links = await apiJson<z.infer<typeof linkListSchema>>(context, '/api/v1/links');
  return links.ok ? links.data.items.filter((link) => link.active) : [];
}

/** What the "choose what to publish" step offers: the influencer's links, else live deals. */
export async function loadChoices(context: AppLoadContext, scope: SocialScope): Promise<Choice[]> {
  if (scope.owner === 'me') {
    const links = await loadMyLinks(context);
    return links.map((link) => ({ label: `${link.productTitle} · ${link.shortUrl}`, search: `linkId=${link.id}` }));
  }
  const path =
    scope.owner === 'team' && scope.teamId
      ? merchantApi.list(scope.teamId, new URLSearchParams({ status: 'published', limit: '50' }))
      : '/api/v1/marketplace/products?limit=50';
  const products = await apiJson<ProductList>(context, path);
  return products.ok ? products.data.items.map((item) => ({ label: item.title, search: `productId=${item.id}` })) : [];
}

export async function loadSuggestions(
  context: AppLoadContext,
  source: { linkId?: string; productId?: string },
  providers: SocialProvider[],
  locale: Locale,
): Promise<Partial<Record<SocialProvider, SocialSuggestion>>> {
  const entries = await Promise.all(
    providers.map(async (platform) => {
      const result = await apiJson<SocialSuggestion>(context, '/api/v1/social/suggestions', {
        method: 'POST',
        json: { ...source, platform, locale },
      });
      return [platform, result.ok ? result.data : undefined] as const;
    }),
  );
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

export async function loadCreatorInfo(
  context: AppLoadContext,
  accounts: SocialAccountView[],
): Promise<Record<string, CreatorInfo | { error: string }>> {
  const entries = await Promise.all(
    accounts
      .filter((account) => account.provider === 'tiktok')
      .map(async (account) => {
        const result = await apiJson<CreatorInfo>(context, `/api/v1/social/accounts/${account.id}/creator-info`);
        return [account.id, result.ok ? result.data : { error: result.problem.detail || result.problem.title }];
      }),
  );
  return Object.fromEntries(entries);
}

export async function loadBestTimes(
  context: AppLoadContext,
  accounts: SocialAccountView[],
  timeZone: string,
): Promise<Record<string, BestTime>> {
  const entries = await Promise.all(
    accounts.slice(0, 8).map(async (account) => {
      const result = await apiJson<BestTime>(
        context,
        `/api/v1/social/accounts/${account.id}/best-time?timeZone=${encodeURIComponent(timeZone)}`,
      );
      return result.ok ? ([account.id, result.data] as const) : null;
    }),
  );
  return Object.fromEntries(entries.filter((entry) => entry !== null));
}

export async function loadTemplates(context: AppLoadContext, scope: SocialScope): Promise<Template[]> {
  if (scope.owner !== 'platform') return [];
  const result = await apiJson<{ items: Template[] }>(context, '/api/v1/admin/social/templates');
  return result.ok ? result.data.items : [];
}

export async function loadAccounts(context: AppLoadContext, scope: SocialScope): Promise<SocialAccountView[]> {
  const result = await apiJson<{ items: SocialAccountView[] }>(
    context,
    `/api/v1/social/accounts?${ownerParams(scope)}`,
  );
  return result.ok ? result.data.items : [];
}

function checked(form: FormData, name: string): boolean | undefined {
  return form.has(name) ? formText(form, name) === 'on' || formText(form, name) === 'true' : undefined;
}

/** The options of one target, from the fields named after its account or its platform. */
function optionsFor(form: FormData, account: SocialAccountView): TargetOptions {
  const id = account.id;
  switch (account.provider) {
    case 'tiktok':
      return {
        privacyLevel: formText(form, `privacy.${id}`) || undefined,
        disableComment: !checked(form, `allowComment.${id}`),
        disableDuet: !checked(form, `allowDuet.${id}`),
        disableStitch: !checked(form, `allowStitch.${id}`),
        brandOrganicToggle: Boolean(checked(form, `brandOrganic.${id}`)),
        brandContentToggle: Boolean(checked(form, `brandContent.${id}`)),
        consent: Boolean(checked(form, `consent.${id}`)),
      };
    case 'reddit':
      return {
        subreddit: formText(form, 'reddit.subreddit') || undefined,
        title: formText(form, 'reddit.title') || undefined,
      };
    case 'instagram':
      return { linkInBio: Boolean(checked(form, 'instagram.linkInBio')) };
    default:
      return {};
  }
}

export function mediaFrom(form: FormData): MediaInput[] {
  const media: MediaInput[] = [];
  for (const value of form.getAll('media')) {
    try {
      const item = JSON.parse(String(value)) as MediaInput;
      if (typeof item.url === 'string') media.push(item);
    } catch {
      // A hand-made value: the API's validation speaks for it.
    }
  }
  return media;
}

/** The body of POST /social/posts from the composer's fields. */
export function postBodyFrom(form: FormData, accounts: SocialAccountView[], scope: SocialScope) {
  const chosen = new Set(form.getAll('accountId').map(String));
  const targets = accounts
    .filter((account) => chosen.has(account.id))
    .map((account) => ({
      accountId: account.id,
      caption: String(form.get(`caption.${account.provider}`) ?? ''),
      options: optionsFor(form, account),
    }));
  const mode = formText(form, 'mode') as 'now' | 'schedule' | 'draft';
  const scheduledAt = mode === 'schedule' ? scheduledInstantFrom(form) : null;
  const linkId = formText(form, 'linkId');
  const productId = formText(form, 'productId');
  const templateId = formText(form, 'templateId');
  return {
    ...(linkId ? { linkId } : productId ? { productId } : {}),
    ...(templateId ? { templateId } : {}),
    media: mediaFrom(form),
    targets,
    mode,
    ...(scheduledAt ? { scheduledAt } : {}),
    owner: scope.owner,
    ...(scope.teamId ? { teamId: scope.teamId } : {}),
  };
}
