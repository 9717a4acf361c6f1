import { callPlatform, classifyStatus, form, type HttpAnswer, text } from './http.ts';
import {
  type AccountCredentials,
  type CheckResult,
  type ConnectedAccount,
  type CreateResult,
  ProviderError,
  type PublishRequest,
  type SocialProviderAdapter,
  type TokenSet,
  type ValidationIssue,
} from './types.ts';

export interface RedditConfig {
  clientId: string | undefined;
  clientSecret: string | undefined;
  wwwUrl: string;
  apiUrl: string;
  timeoutMs: number;
}

const scopes = ['identity', 'submit', 'read', 'flair'];
/** Reddit asks for a unique, descriptive User-Agent and throttles generic ones. */
const userAgent = 'web:souk-social-publishing:v1.0 (by /u/souk_platform)';

/** Reddit errors that mean "fix the post", by their code in `json.errors`. */
const retryCodes = new Set(['RATELIMIT']);

/**
 * Reddit: one mutating call (`/api/submit`). Errors come back as HTTP 200 with `json.errors`,
 * so the body is read before the status is trusted.
 */
export class RedditProvider implements SocialProviderAdapter {
  readonly id = 'reddit' as const;
  readonly name = 'Reddit';
  readonly createMutates = true;
  readonly hasFinalize = false;
  readonly rules = {
    captionMaxLength: 40000,
    titleMaxLength: 300,
    mediaMin: 0,
    mediaMax: 0,
    mediaKinds: [] as ('image' | 'video')[],
    aspectRatioMin: null,
    aspectRatioMax: null,
    maxImageBytes: null,
    maxVideoBytes: null,
    hashtagsMax: null,
    linkHandling: 'post_url' as const,
    dailyPostLimit: 25,
    requiresCreatorInfo: false,
  };
  readonly setup = {
    credentials: ['REDDIT_CLIENT_ID', 'REDDIT_CLIENT_SECRET'],
    scopes,
    documentationUrl: 'https://github.com/reddit-archive/reddit/wiki/OAuth2',
  };

  constructor(private readonly config: RedditConfig) {}

  configured(): boolean {
    return Boolean(this.config.clientId && this.config.clientSecret);
  }

  /** Reddit has no PKCE: the state alone protects the callback. */
  authorizationUrl(input: { state: string; redirectUri: string }): string {
    const url = new URL(`${this.config.wwwUrl}/api/v1/authorize`);
    url.search = new URLSearchParams({
      client_id: this.config.clientId ?? '',
      response_type: 'code',
      state: input.state,
      redirect_uri: input.redirectUri,
      duration: 'permanent',
      scope: scopes.join(' '),
    }).toString();
    return url.toString();
  }

  exchangeCode(input: { code: string; redirectUri: string }): Promise<TokenSet> {
    return this.token({ grant_type: 'authorization_code', code: input.code, redirect_uri: input.redirectUri });
  }

  refresh(account: AccountCredentials): Promise<TokenSet> {
    if (!account.refreshToken) throw new ProviderError('disconnect', 'refresh_token_missing', 'No refresh token');
    return this.token({ grant_type: 'refresh_token', refresh_token: account.refreshToken });
  }

  private async token(values: Record<string, string>): Promise<TokenSet> {
    const basic = Buffer.from(`${this.config.clientId ?? ''}:${this.config.clientSecret ?? ''}`).toString('base64');
    const answer = await callPlatform(`${this.config.wwwUrl}/api/v1/access_token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': userAgent,
      },
      body: form(values).toString(),
      timeoutMs: this.config.timeoutMs,
    });
    const accessToken = text(answer.body, 'access_token');
    if (!accessToken) {
      const error = text(answer.body, 'error') ?? `HTTP ${answer.status}`;
      if (answer.status === 429 || answer.status >= 500) throw classifyStatus(answer, error, error);
      throw new ProviderError(error === 'invalid_grant' ? 'disconnect' : 'bad-body', error, error);
    }
    return {
      accessToken,
      refreshToken: text(answer.body, 'refresh_token') ?? null,
      expiresAt: new Date(Date.now() + Number(text(answer.body, 'expires_in') ?? 3600) * 1000),
      scopes: (text(answer.body, 'scope') ?? '').split(' ').filter(Boolean),
    };
  }

  async accounts(tokens: TokenSet): Promise<ConnectedAccount[]> {
    const body = await this.call('GET', '/api/v1/me', tokens.accessToken);
    const name = text(body, 'name');
    if (!name) throw new ProviderError('bad-body', 'account_missing', 'The identity had no name');
    return [
      {
        externalId: text(body, 'id') ?? name,
        handle: name,
        displayName: `u/${name}`,
        avatarUrl: text(body, 'icon_img')?.split('?')[0] ?? null,
        profileUrl: `https://www.reddit.com/user/${encodeURIComponent(name)}`,
        tokens,
        providerData: {},
      },
    ];
  }

  validate(request: Omit<PublishRequest, 'account' | 'clientRef'>): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    if (!request.options.subreddit) issues.push({ path: 'options.subreddit', code: 'reddit_subreddit_required' });
    const title = request.options.title ?? '';
    if (!title.trim()) issues.push({ path: 'options.title', code: 'reddit_title_required' });
    return issues;
  }

  async create(request: PublishRequest): Promise<CreateResult> {
    const { options, caption, linkUrl } = request;
    const values = {
      api_type: 'json',
      sr: options.subreddit?.replace(/^r\//, ''),
      title: options.title,
      flair_id: options.flairId,
      ...(caption.trim() || !linkUrl ? { kind: 'self', text: caption } : { kind: 'link', url: linkUrl }),
    };
    const body = await this.call('POST', '/api/submit', request.account.accessToken, values);
    const errors = (body as { json?: { errors?: unknown[][] } }).json?.errors ?? [];
    if (errors.length > 0) throw classifySubmitErrors(errors);
    const name = text(body, 'json', 'data', 'name') ?? text(body, 'json', 'data', 'id');
    if (!name) throw new ProviderError('bad-body', 'id_missing', 'The submit answer had no post name');
    return { kind: 'published', externalId: name, url: text(body, 'json', 'data', 'url') ?? null };
  }

  async check(): Promise<CheckResult> {
    return { kind: 'ready' };
  }

  async finalize(): Promise<never> {
    throw new ProviderError('bad-body', 'no_finalize', 'Reddit posts have no finalize step');
  }

  async metrics(account: AccountCredentials, externalId: string): Promise<Record<string, number> | null> {
    const body = await this.call('GET', `/api/info?id=${encodeURIComponent(externalId)}`, account.accessToken);
    const post = (body as { data?: { children?: { data?: Record<string, unknown> }[] } }).data?.children?.[0]?.data;
    if (!post) return null;
    return { score: Number(post.score ?? 0), comments: Number(post.num_comments ?? 0) };
  }

  private async call(method: 'GET' | 'POST', path: string, token: string, values?: Record<string, string | undefined>) {
    const answer = await callPlatform(`${this.config.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `bearer ${token}`,
        'user-agent': userAgent,
        ...(values ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(values ? { body: form(values).toString() } : {}),
      timeoutMs: this.config.timeoutMs,
    });
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    throw classifyRedditStatus(answer);
  }
}

function classifyRedditStatus(answer: HttpAnswer): ProviderError {
  if (answer.status === 403) return new ProviderError('disconnect', 'forbidden', 'Reddit refused the token (403)');
  return classifyStatus(answer, `http_${answer.status}`, text(answer.body, 'message') ?? `HTTP ${answer.status}`);
}

/** `json.errors` is a list of [code, message, field]; RATELIMIT says how long to wait in words. */
function classifySubmitErrors(errors: unknown[][]): ProviderError {
  const [code, message] = [String(errors[0]?.[0] ?? 'UNKNOWN'), String(errors[0]?.[1] ?? '')];
  if (retryCodes.has(code)) {
    const minutes = /(\d+)\s*minute/.exec(message)?.[1];
    const seconds = /(\d+)\s*second/.exec(message)?.[1];
    const waitMs = minutes ? Number(minutes) * 60_000 : seconds ? Number(seconds) * 1000 : 60_000;
    return new ProviderError('retry', 'rate_limited', message, { retryAfterMs: waitMs });
  }
  return new ProviderError('bad-body', `reddit_${code.toLowerCase()}`, message);
}
