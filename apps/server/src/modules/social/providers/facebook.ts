import { field, text } from './http.ts';
import { type MetaGraph, MetaProviderBase } from './meta-graph.ts';
import type {
  AccountCredentials,
  CheckResult,
  ConnectedAccount,
  CreateResult,
  PublishRequest,
  SocialProviderAdapter,
  TokenSet,
} from './types.ts';
import { ProviderError } from './types.ts';

const scopes = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'publish_video'];

/**
 * Facebook Pages: each page the person manages becomes an account with its own page token.
 * Publishing is one mutating call (`/feed`, `/photos` or `/videos`), so `create` runs at most once.
 */
export class FacebookProvider extends MetaProviderBase implements SocialProviderAdapter {
  readonly id = 'facebook' as const;
  readonly name = 'Facebook Pages';
  readonly createMutates = true;
  readonly hasFinalize = false;
  readonly rules = {
    captionMaxLength: 63206,
    titleMaxLength: null,
    mediaMin: 0,
    mediaMax: 10,
    mediaKinds: ['image', 'video'] as ('image' | 'video')[],
    aspectRatioMin: null,
    aspectRatioMax: null,
    maxImageBytes: 10 * 1024 * 1024,
    maxVideoBytes: 1024 * 1024 * 1024,
    hashtagsMax: null,
    linkHandling: 'clickable' as const,
    dailyPostLimit: 50,
    requiresCreatorInfo: false,
  };
  readonly setup = {
    credentials: ['META_APP_ID', 'META_APP_SECRET'],
    scopes,
    documentationUrl: 'https://developers.facebook.com/docs/pages-api/posts',
  };

  constructor(graph: MetaGraph) {
    super(graph, scopes);
  }

  /** Page tokens from a long-lived user token do not expire; the user token is renewed instead. */
  async refresh(account: AccountCredentials): Promise<TokenSet> {
    const userToken = account.refreshToken ?? account.accessToken;
    const renewed = await this.graph.refresh(userToken);
    return { ...renewed, accessToken: account.accessToken, refreshToken: renewed.accessToken };
  }

  async accounts(tokens: TokenSet): Promise<ConnectedAccount[]> {
    const body = await this.graph.get('/me/accounts', {
      fields: 'id,name,access_token,picture{url}',
      access_token: tokens.accessToken,
    });
    const pages = (field(body, 'data') as unknown[] | undefined) ?? [];
    return pages.flatMap((page) => {
      const id = text(page, 'id');
      const pageToken = text(page, 'access_token');
      if (!id || !pageToken) return [];
      const name = text(page, 'name') ?? id;
      return [
        {
          externalId: id,
          handle: name,
          displayName: name,
          avatarUrl: text(page, 'picture', 'data', 'url') ?? null,
          profileUrl: `https://www.facebook.com/${id}`,
          // The user token is kept as the "refresh token": it renews, the page token does not expire.
          tokens: { accessToken: pageToken, refreshToken: tokens.accessToken, expiresAt: null, scopes: tokens.scopes },
          providerData: {},
        },
      ];
    });
  }

  async create(request: PublishRequest): Promise<CreateResult> {
    const { account, media, caption, linkUrl } = request;
    const page = account.externalId;
    const token = account.accessToken;
    let body: unknown;
    if (media.length === 0) {
      body = await this.graph.post(`/${page}/feed`, {
        message: caption,
        link: linkUrl ?? undefined,
        access_token: token,
      });
    } else if (media[0]?.kind === 'video') {
      body = await this.graph.post(`/${page}/videos`, {
        file_url: media[0].url,
        description: caption,
        access_token: token,
      });
    } else if (media.length === 1) {
      body = await this.graph.post(`/${page}/photos`, { url: media[0]?.url, caption, access_token: token });
    } else {
      const attached: { media_fbid: string }[] = [];
      for (const item of media) {
        const photo = await this.graph.post(`/${page}/photos`, {
          url: item.url,
          published: 'false',
          access_token: token,
        });
        attached.push({ media_fbid: this.idOf(photo) });
      }
      body = await this.graph.post(`/${page}/feed`, {
        message: caption,
        attached_media: JSON.stringify(attached),
        access_token: token,
      });
    }
    const externalId = text(body, 'post_id') ?? this.idOf(body);
    return { kind: 'published', externalId, url: `https://www.facebook.com/${externalId}` };
  }

  async check(): Promise<CheckResult> {
    return { kind: 'ready' };
  }

  async finalize(): Promise<never> {
    throw new ProviderError('bad-body', 'no_finalize', 'Facebook posts have no finalize step');
  }

  async metrics(account: AccountCredentials, externalId: string): Promise<Record<string, number> | null> {
    const body = await this.graph.get(`/${externalId}`, {
      fields: 'shares,reactions.summary(total_count),comments.summary(total_count)',
      access_token: account.accessToken,
    });
    return {
      reactions: Number(text(body, 'reactions', 'summary', 'total_count') ?? 0),
      comments: Number(text(body, 'comments', 'summary', 'total_count') ?? 0),
      shares: Number(text(body, 'shares', 'count') ?? 0),
    };
  }
}
