import type { SandboxNetwork } from '../sandbox/network.ts';
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

/**
 * The built-in sandbox network, called in process (it lives in this server): same three steps
 * as Instagram (create -> check -> publish), same error kinds, no credentials needed.
 */
export class SandboxProvider implements SocialProviderAdapter {
  readonly id = 'sandbox' as const;
  readonly name = 'Souk Sandbox';
  readonly createMutates = false;
  readonly hasFinalize = true;
  readonly rules = {
    captionMaxLength: 2200,
    titleMaxLength: null,
    mediaMin: 0,
    mediaMax: 10,
    mediaKinds: ['image', 'video'] as ('image' | 'video')[],
    aspectRatioMin: 0.5,
    aspectRatioMax: 2,
    maxImageBytes: 10 * 1024 * 1024,
    maxVideoBytes: 100 * 1024 * 1024,
    hashtagsMax: 30,
    linkHandling: 'clickable' as const,
    dailyPostLimit: 100,
    requiresCreatorInfo: false,
  };
  readonly setup = { credentials: [], scopes: ['profile', 'publish'], documentationUrl: '/sandbox/social' };

  constructor(
    private readonly network: SandboxNetwork,
    private readonly publicUrl: string,
  ) {}

  configured(): boolean {
    return true;
  }

  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string {
    const url = new URL(`${this.publicUrl}/sandbox/social/oauth/authorize`);
    url.search = new URLSearchParams({
      client_id: 'souk',
      response_type: 'code',
      redirect_uri: input.redirectUri,
      state: input.state,
      code_challenge: input.codeChallenge,
      code_challenge_method: 'S256',
      scope: 'profile publish',
    }).toString();
    return url.toString();
  }

  async exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<TokenSet> {
    return this.tokens(
      await this.network.token({
        grantType: 'authorization_code',
        code: input.code,
        codeVerifier: input.codeVerifier,
        redirectUri: input.redirectUri,
      }),
    );
  }

  async refresh(account: AccountCredentials): Promise<TokenSet> {
    return this.tokens(
      await this.network.token({ grantType: 'refresh_token', refreshToken: account.refreshToken ?? '' }),
    );
  }

  private tokens(answer: Awaited<ReturnType<SandboxNetwork['token']>>): TokenSet {
    if ('error' in answer) throw new ProviderError('disconnect', answer.error, `The sandbox refused: ${answer.error}`);
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: new Date(Date.now() + answer.expires_in * 1000),
      scopes: answer.scope.split(' '),
    };
  }

  async accounts(tokens: TokenSet): Promise<ConnectedAccount[]> {
    const handle = await this.network.handleOf(tokens.accessToken);
    return [
      {
        externalId: handle,
        handle,
        displayName: `@${handle}`,
        avatarUrl: null,
        profileUrl: `${this.publicUrl}/sandbox/social/@${handle}`,
        tokens,
        providerData: {},
      },
    ];
  }

  validate(): [] {
    return [];
  }

  async create(request: PublishRequest): Promise<CreateResult> {
    const post = await this.network.createPost(request.account.accessToken, {
      caption: request.caption,
      media: request.media,
      linkUrl: request.linkUrl,
      clientRef: request.clientRef,
    });
    return { kind: 'pending', pending: { postId: post.id } };
  }

  async check(request: PublishRequest, pending: PendingData): Promise<CheckResult> {
    const status = await this.network.postStatus(request.account.accessToken, String(pending.postId));
    return status.status === 'processing' ? { kind: 'in_progress', retryAfterMs: 1000 } : { kind: 'ready' };
  }

  async finalize(request: PublishRequest, pending: PendingData): Promise<{ externalId: string; url: string | null }> {
    const published = await this.network.publish(request.account.accessToken, String(pending.postId));
    return { externalId: published.id, url: `${this.publicUrl}${published.url}` };
  }

  async metrics(): Promise<null> {
    return null;
  }
}
