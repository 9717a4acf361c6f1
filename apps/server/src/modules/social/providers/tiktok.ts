import type { CreatorInfo } from '@souk/contracts/social';
import { callPlatform, classifyStatus, form, type HttpAnswer, retryAfterMs, text } from './http.ts';
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
  type ValidationIssue,
} from './types.ts';

export interface TikTokConfig {
  clientKey: string | undefined;
  clientSecret: string | undefined;
  apiUrl: string;
  oauthUrl: string;
  timeoutMs: number;
}

const scopes = ['user.info.basic', 'video.publish'];

/** TikTok's API-level error codes (`error.code`), and what each means for the pipeline. */
const errorKinds: Record<string, 'refresh-token' | 'disconnect' | 'retry' | 'bad-body'> = {
  access_token_invalid: 'refresh-token',
  scope_not_authorized: 'disconnect',
  scope_permission_missed: 'disconnect',
  rate_limit_exceeded: 'retry',
  internal_error: 'retry',
  spam_risk_too_many_posts: 'retry',
  spam_risk_user_banned_from_posting: 'disconnect',
};

/**
 * TikTok Content Posting API, direct post from a URL. The init call starts the post (the
 * mutation, at most once); the status fetch is read-only and polled until PUBLISH_COMPLETE or
 * FAILED with its fail_reason.
 */
export class TikTokProvider implements SocialProviderAdapter {
  readonly id = 'tiktok' as const;
  readonly name = 'TikTok';
  readonly createMutates = true;
  readonly hasFinalize = false;
  readonly rules = {
    captionMaxLength: 2200,
    titleMaxLength: null,
    mediaMin: 1,
    mediaMax: 35,
    mediaKinds: ['image', 'video'] as ('image' | 'video')[],
    aspectRatioMin: null,
    aspectRatioMax: null,
    maxImageBytes: 20 * 1024 * 1024,
    maxVideoBytes: 4 * 1024 * 1024 * 1024,
    hashtagsMax: null,
    linkHandling: 'caption_only_never_in_media' as const,
    dailyPostLimit: 15,
    requiresCreatorInfo: true,
  };
  readonly setup = {
    credentials: ['TIKTOK_CLIENT_KEY', 'TIKTOK_CLIENT_SECRET'],
    scopes,
    documentationUrl: 'https://developers.tiktok.com/doc/content-posting-api-get-started',
  };

  constructor(private readonly config: TikTokConfig) {}

  configured(): boolean {
    return Boolean(this.config.clientKey && this.config.clientSecret);
  }

  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string }): string {
    const url = new URL(this.config.oauthUrl);
    url.search = new URLSearchParams({
      client_key: this.config.clientKey ?? '',
      scope: scopes.join(','),
      response_type: 'code',
      redirect_uri: input.redirectUri,
      state: input.state,
      code_challenge: input.codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<TokenSet> {
    return this.token({
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier,
    });
  }

  refresh(account: AccountCredentials): Promise<TokenSet> {
    if (!account.refreshToken) throw new ProviderError('disconnect', 'refresh_token_missing', 'No refresh token');
    return this.token({ grant_type: 'refresh_token', refresh_token: account.refreshToken });
  }

  private async token(values: Record<string, string>): Promise<TokenSet> {
    const answer = await callPlatform(`${this.config.apiUrl}/v2/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ client_key: this.config.clientKey, client_secret: this.config.clientSecret, ...values }).toString(),
      timeoutMs: this.config.timeoutMs,
    });
    const accessToken = text(answer.body, 'access_token');
    if (answer.status !== 200 || !accessToken) {
      const error = text(answer.body, 'error') ?? `HTTP ${answer.status}`;
      throw new ProviderError(
        error === 'invalid_grant' ? 'disconnect' : 'bad-body',
        error,
        text(answer.body, 'error_description') ?? error,
      );
    }
    return {
      accessToken,
      refreshToken: text(answer.body, 'refresh_token') ?? null,
      expiresAt: new Date(Date.now() + Number(text(answer.body, 'expires_in') ?? 86_400) * 1000),
      scopes: (text(answer.body, 'scope') ?? '').split(',').filter(Boolean),
    };
  }

  async accounts(tokens: TokenSet): Promise<ConnectedAccount[]> {
    const url = `${this.config.apiUrl}/v2/user/info/?fields=open_id,avatar_url,display_name,username`;
    const body = await this.call('GET', url, tokens.accessToken);
    const openId = text(body, 'data', 'user', 'open_id');
    if (!openId) throw new ProviderError('bad-body', 'account_missing', 'The user info had no open_id');
    const username = text(body, 'data', 'user', 'username') ?? openId;
    return [
      {
        externalId: openId,
        handle: username,
        displayName: text(body, 'data', 'user', 'display_name') ?? username,
        avatarUrl: text(body, 'data', 'user', 'avatar_url') ?? null,
        profileUrl: `https://www.tiktok.com/@${encodeURIComponent(username)}`,
        tokens,
        providerData: {},
      },
    ];
  }

  async creatorInfo(account: AccountCredentials): Promise<CreatorInfo> {
    const body = await this.call(
      'POST',
      `${this.config.apiUrl}/v2/post/publish/creator_info/query/`,
      account.accessToken,
      {},
    );
    const data = (key: string) => text(body, 'data', key);
    return {
      creatorUsername: data('creator_username') ?? account.handle,
      creatorNickname: data('creator_nickname') ?? account.handle,
      creatorAvatarUrl: data('creator_avatar_url') ?? null,
      privacyLevelOptions: (
        (body as { data?: { privacy_level_options?: string[] } }).data?.privacy_level_options ?? []
      ).map(String),
      commentDisabled:
        data('comment_disabled') === 'true' ||
        (body as { data?: { comment_disabled?: boolean } }).data?.comment_disabled === true,
      duetDisabled: (body as { data?: { duet_disabled?: boolean } }).data?.duet_disabled === true,
      stitchDisabled: (body as { data?: { stitch_disabled?: boolean } }).data?.stitch_disabled === true,
      maxVideoPostDurationSec: Number(data('max_video_post_duration_sec') ?? 600),
      canPost: true,
    };
  }

  /** The app review's demands: privacy chosen explicitly (no default) and the consent given. */
  validate(request: Omit<PublishRequest, 'account' | 'clientRef'>): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    if (!request.options.privacyLevel) issues.push({ path: 'options.privacyLevel', code: 'tiktok_privacy_required' });
    if (request.options.consent !== true) issues.push({ path: 'options.consent', code: 'tiktok_consent_required' });
    if (request.options.brandContentToggle && request.options.privacyLevel === 'SELF_ONLY') {
      issues.push({ path: 'options.privacyLevel', code: 'tiktok_branded_not_private' });
    }
    const kinds = new Set(request.media.map((item) => item.kind));
    if (kinds.size > 1 || (kinds.has('video') && request.media.length > 1)) {
      issues.push({ path: 'media', code: 'tiktok_one_video_or_photos' });
    }
    return issues;
  }

  async create(request: PublishRequest): Promise<CreateResult> {
    const { options, media, caption } = request;
    const postInfo = {
      title: caption,
      privacy_level: options.privacyLevel,
      disable_comment: options.disableComment ?? false,
      disable_duet: options.disableDuet ?? false,
      disable_stitch: options.disableStitch ?? false,
      brand_content_toggle: options.brandContentToggle ?? false,
      brand_organic_toggle: options.brandOrganicToggle ?? false,
    };
    const video = media[0]?.kind === 'video';
    const body = video
      ? await this.call('POST', `${this.config.apiUrl}/v2/post/publish/video/init/`, request.account.accessToken, {
          post_info: postInfo,
          source_info: { source: 'PULL_FROM_URL', video_url: media[0]?.url },
        })
      : await this.call('POST', `${this.config.apiUrl}/v2/post/publish/content/init/`, request.account.accessToken, {
          post_info: { ...postInfo, title: caption.slice(0, 90), description: caption },
          source_info: { source: 'PULL_FROM_URL', photo_images: media.map((item) => item.url), photo_cover_index: 0 },
          post_mode: 'DIRECT_POST',
          media_type: 'PHOTO',
        });
    const publishId = text(body, 'data', 'publish_id');
    if (!publishId) throw new ProviderError('bad-body', 'publish_id_missing', 'The init answer had no publish_id');
    return { kind: 'pending', pending: { publishId } };
  }

  async check(request: PublishRequest, pending: PendingData): Promise<CheckResult> {
    const url = `${this.config.apiUrl}/v2/post/publish/status/fetch/`;
    const answer = await this.call('POST', url, request.account.accessToken, { publish_id: pending.publishId }, true);
    const body = answer.body;
    const status = text(body, 'data', 'status');
    if (status === 'PUBLISH_COMPLETE' || status === 'SEND_TO_USER_INBOX') {
      // Read from the raw text: the id is a 64-bit integer (the field name is TikTok's spelling).
      const id = /"publicaly_available_post_id"\s*:\s*\[\s*"?(\d+)/.exec(answer.raw)?.[1];
      const postId = id ?? String(pending.publishId);
      const url = id ? `https://www.tiktok.com/@${request.account.handle}/video/${id}` : null;
      return { kind: 'published', externalId: postId, url };
    }
    if (status === 'FAILED') {
      const reason = text(body, 'data', 'fail_reason') ?? 'unknown';
      return { kind: 'failed', code: `tiktok_${reason}`, detail: reason };
    }
    return { kind: 'in_progress', retryAfterMs: 5_000 };
  }

  async finalize(): Promise<never> {
    throw new ProviderError('bad-body', 'no_finalize', 'TikTok posts have no finalize step');
  }

  async metrics(): Promise<null> {
    // Video metrics need the video.list scope, which this integration does not ask for.
    return null;
  }

  private async call(method: 'GET' | 'POST', url: string, token: string, json?: unknown): Promise<unknown>;
  private async call(
    method: 'GET' | 'POST',
    url: string,
    token: string,
    json: unknown,
    whole: true,
  ): Promise<HttpAnswer>;
  private async call(
    method: 'GET' | 'POST',
    url: string,
    token: string,
    json?: unknown,
    whole = false,
  ): Promise<unknown> {
    const answer = await callPlatform(url, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=UTF-8' },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      timeoutMs: this.config.timeoutMs,
    });
    const code = text(answer.body, 'error', 'code') ?? 'ok';
    if (answer.status === 200 && code === 'ok') return whole ? answer : answer.body;
    throw classifyTikTokError(answer, code);
  }
}

function classifyTikTokError(answer: HttpAnswer, code: string): ProviderError {
  const message = text(answer.body, 'error', 'message') ?? code;
  const kind = errorKinds[code];
  if (kind === 'retry') {
    return new ProviderError('retry', answer.status === 429 ? 'rate_limited' : code, message, {
      retryAfterMs: retryAfterMs(answer.headers),
      status: answer.status,
      ambiguous: answer.status >= 500,
    });
  }
  if (kind) return new ProviderError(kind, code, message, { status: answer.status });
  return classifyStatus(answer, code, message);
}
