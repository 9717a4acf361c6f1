import { callPlatform, classifyStatus, type HttpAnswer, text } from './http.ts';
import { ProviderError, type TokenSet } from './types.ts';

/** What the Instagram and Facebook adapters share: one Meta app, the Graph API and its errors. */
export interface MetaConfig {
  appId: string | undefined;
  appSecret: string | undefined;
  graphUrl: string;
  oauthUrl: string;
  timeoutMs: number;
}

export class MetaGraph {
  constructor(readonly config: MetaConfig) {}

  configured(): boolean {
    return Boolean(this.config.appId && this.config.appSecret);
  }

  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }, scopes: string[]): string {
    const url = new URL(this.config.oauthUrl);
    url.search = new URLSearchParams({
      client_id: this.config.appId ?? '',
      redirect_uri: input.redirectUri,
      state: input.state,
      response_type: 'code',
      scope: scopes.join(','),
      code_challenge: input.codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  async exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<TokenSet> {
    const body = await this.get('/oauth/access_token', {
      client_id: this.config.appId ?? '',
      client_secret: this.config.appSecret ?? '',
      redirect_uri: input.redirectUri,
      code: input.code,
      code_verifier: input.codeVerifier,
    });
    return this.tokens(body);
  }

  /** Meta has no refresh token: a long-lived user token is exchanged for a fresh one before it ends. */
  async refresh(accessToken: string): Promise<TokenSet> {
    const body = await this.get('/oauth/access_token', {
      grant_type: 'fb_exchange_token',
      client_id: this.config.appId ?? '',
      client_secret: this.config.appSecret ?? '',
      fb_exchange_token: accessToken,
    });
    return this.tokens(body);
  }

  private tokens(body: unknown): TokenSet {
    const accessToken = text(body, 'access_token');
    if (!accessToken) throw new ProviderError('bad-body', 'token_missing', 'The token answer had no access_token');
    const expiresIn = Number(text(body, 'expires_in') ?? 0);
    return {
      accessToken,
      refreshToken: null,
      expiresAt: expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : null,
      scopes: [],
    };
  }

  async get(path: string, query: Record<string, string>): Promise<unknown> {
    const url = new URL(`${this.config.graphUrl}${path}`);
    url.search = new URLSearchParams(query).toString();
    return this.answer(await callPlatform(url.toString(), { method: 'GET', timeoutMs: this.config.timeoutMs }));
  }

  async post(path: string, values: Record<string, string | undefined>): Promise<unknown> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, value);
    return this.answer(
      await callPlatform(`${this.config.graphUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: params.toString(),
        timeoutMs: this.config.timeoutMs,
      }),
    );
  }

  private answer(answer: HttpAnswer): unknown {
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    throw classifyGraphError(answer);
  }
}

/**
 * Graph errors: `{error: {message, type, code, error_subcode}}`. 190 is an invalid or expired
 * token (refresh; 458/460 mean the person removed the app or changed password: reconnect);
 * 4/17/32/613 are rate limits; 10 and 200-299 are missing permissions (reconnect).
 */
export function classifyGraphError(answer: HttpAnswer): ProviderError {
  const code = Number(text(answer.body, 'error', 'code') ?? 0);
  const subcode = Number(text(answer.body, 'error', 'error_subcode') ?? 0);
  const message = text(answer.body, 'error', 'message') ?? `HTTP ${answer.status}`;
  if (code === 190) {
    if (subcode === 458 || subcode === 460) return new ProviderError('disconnect', 'token_revoked', message);
    return new ProviderError('refresh-token', 'token_expired', message, { status: answer.status });
  }
  if ([4, 17, 32, 613].includes(code))
    return new ProviderError('retry', 'rate_limited', message, { retryAfterMs: 60_000 });
  if (code === 10 || (code >= 200 && code < 300)) return new ProviderError('disconnect', 'permission_missing', message);
  if (code === 100) return new ProviderError('bad-body', 'invalid_parameter', message, { status: answer.status });
  return classifyStatus(answer, 'platform_error', message);
}

/** What the Instagram and Facebook adapters do the same way: one Meta app, one OAuth dialog. */
export abstract class MetaProviderBase {
  constructor(
    protected readonly graph: MetaGraph,
    private readonly scopes: string[],
  ) {}

  configured(): boolean {
    return this.graph.configured();
  }

  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string {
    return this.graph.authorizationUrl(input, this.scopes);
  }

  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<TokenSet> {
    return this.graph.exchangeCode(input);
  }

  validate(): [] {
    return [];
  }

  /** The id a Graph write answers with. */
  protected idOf(body: unknown): string {
    const id = text(body, 'id');
    if (!id) throw new ProviderError('bad-body', 'id_missing', 'The platform answered without an id');
    return id;
  }
}
