import { field, text } from './http.ts';
import { type MetaGraph, MetaProviderBase } from './meta-graph.ts';
import {
  type AccountCredentials,
  type CheckResult,
  type ConnectedAccount,
  type CreateResult,
  type PendingData,
  ProviderError,
  type PublishRequest,
  type SocialProviderAdapter,
  type TokenSet,
} from './types.ts';

const scopes = ['instagram_basic', 'instagram_content_publish', 'pages_show_list', 'pages_read_engagement'];

/**
 * Instagram Graph API (business and creator accounts, through Facebook Login): a container is
 * created (invisible, so safe to repeat), polled until FINISHED, then published by
 * `media_publish`, the one mutating step.
 */
export class InstagramProvider extends MetaProviderBase implements SocialProviderAdapter {
  readonly id = 'instagram' as const;
  readonly name = 'Instagram';
  readonly createMutates = false;
  readonly hasFinalize = true;
  readonly rules = {
    captionMaxLength: 2200,
    titleMaxLength: null,
    mediaMin: 1,
    mediaMax: 10,
    mediaKinds: ['image', 'video'] as ('image' | 'video')[],
    aspectRatioMin: 0.8,
    aspectRatioMax: 1.91,
    maxImageBytes: 8 * 1024 * 1024,
    maxVideoBytes: 300 * 1024 * 1024,
    hashtagsMax: 30,
    linkHandling: 'not_clickable_use_bio' as const,
    dailyPostLimit: 50,
    requiresCreatorInfo: false,
  };
  readonly setup = {
    credentials: ['META_APP_ID', 'META_APP_SECRET'],
    scopes,
    documentationUrl: 'https://developers.facebook.com/docs/instagram-platform/content-publishing',
  };

  constructor(graph: MetaGraph) {
    super(graph, scopes);
  }

  refresh(account: AccountCredentials): Promise<TokenSet> {
    return this.graph.refresh(account.accessToken);
  }

  /** The Instagram professional accounts linked to the person's pages. */
  async accounts(tokens: TokenSet): Promise<ConnectedAccount[]> {
    const body = await this.graph.get('/me/accounts', {
      fields: 'id,name,instagram_business_account{id,username,name,profile_picture_url}',
      access_token: tokens.accessToken,
    });
    const pages = (field(body, 'data') as unknown[] | undefined) ?? [];
    return pages.flatMap((page) => {
      const id = text(page, 'instagram_business_account', 'id');
      const username = text(page, 'instagram_business_account', 'username');
      if (!id || !username) return [];
      return [
        {
          externalId: id,
          handle: username,
          displayName: text(page, 'instagram_business_account', 'name') ?? username,
          avatarUrl: text(page, 'instagram_business_account', 'profile_picture_url') ?? null,
          profileUrl: `https://www.instagram.com/${encodeURIComponent(username)}/`,
          tokens,
          providerData: { pageId: text(page, 'id') ?? '' },
        },
      ];
    });
  }

  async create(request: PublishRequest): Promise<CreateResult> {
    const { account, media, caption } = request;
    const token = account.accessToken;
    if (media.length === 1) {
      const [item] = media;
      const body = await this.graph.post(`/${account.externalId}/media`, {
        ...(item?.kind === 'video' ? { media_type: 'REELS', video_url: item.url } : { image_url: item?.url }),
        caption,
        access_token: token,
      });
      return { kind: 'pending', pending: { containerId: this.idOf(body) } };
    }
    const children: string[] = [];
    for (const item of media) {
      const body = await this.graph.post(`/${account.externalId}/media`, {
        ...(item.kind === 'video' ? { media_type: 'VIDEO', video_url: item.url } : { image_url: item.url }),
        is_carousel_item: 'true',
        access_token: token,
      });
      children.push(this.idOf(body));
    }
    const parent = await this.graph.post(`/${account.externalId}/media`, {
      media_type: 'CAROUSEL',
      children: children.join(','),
      caption,
      access_token: token,
    });
    return { kind: 'pending', pending: { containerId: this.idOf(parent) } };
  }

  async check(request: PublishRequest, pending: PendingData): Promise<CheckResult> {
    const body = await this.graph.get(`/${String(pending.containerId)}`, {
      fields: 'status_code,status',
      access_token: request.account.accessToken,
    });
    const status = text(body, 'status_code');
    switch (status) {
      case 'FINISHED':
        return { kind: 'ready' };
      case 'IN_PROGRESS':
        return { kind: 'in_progress', retryAfterMs: 5_000 };
      case 'ERROR':
        return { kind: 'failed', code: 'container_error', detail: text(body, 'status') ?? 'ERROR' };
      case 'EXPIRED':
        return { kind: 'failed', code: 'container_expired', detail: 'The container was not published within 24 hours' };
      case 'PUBLISHED':
        return { kind: 'failed', code: 'container_already_published', detail: 'The container is already published' };
      default:
        throw new ProviderError('retry', 'unknown_status', `Unknown container status ${status}`);
    }
  }

  async finalize(request: PublishRequest, pending: PendingData): Promise<{ externalId: string; url: string | null }> {
    const body = await this.graph.post(`/${request.account.externalId}/media_publish`, {
      creation_id: String(pending.containerId),
      access_token: request.account.accessToken,
    });
    const externalId = this.idOf(body);
    // The permalink is a read after the fact: a failure here must not hide the publication.
    const permalink = await this.graph
      .get(`/${externalId}`, { fields: 'permalink', access_token: request.account.accessToken })
      .then((answer) => text(answer, 'permalink') ?? null)
      .catch(() => null);
    return { externalId, url: permalink };
  }

  async metrics(account: AccountCredentials, externalId: string): Promise<Record<string, number> | null> {
    const body = await this.graph.get(`/${externalId}`, {
      fields: 'like_count,comments_count',
      access_token: account.accessToken,
    });
    return { likes: Number(text(body, 'like_count') ?? 0), comments: Number(text(body, 'comments_count') ?? 0) };
  }

  /** The rolling 24 h publishing limit, as the API reports it. */
  async quota(account: AccountCredentials): Promise<{ used: number; limit: number }> {
    const body = await this.graph.get(`/${account.externalId}/content_publishing_limit`, {
      fields: 'quota_usage,config',
      access_token: account.accessToken,
    });
    const first = (field(body, 'data') as unknown[] | undefined)?.[0];
    return {
      used: Number(text(first, 'quota_usage') ?? 0),
      limit: Number(text(first, 'config', 'quota_total') ?? this.rules.dailyPostLimit),
    };
  }
}
