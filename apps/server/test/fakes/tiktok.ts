import { consentAt, FakePlatform } from './fake-platform.ts';

const ok = { code: 'ok', message: '', log_id: 'fake-log' };

/**
 * TikTok Content Posting API: OAuth v2 tokens (form-encoded, with refresh tokens), user info,
 * creator_info/query, video/init and content/init with PULL_FROM_URL returning a publish_id,
 * and status/fetch (PROCESSING_DOWNLOAD, PUBLISH_COMPLETE, FAILED with fail_reason). Errors
 * carry `error.code` (access_token_invalid 401, rate_limit_exceeded 429...).
 */
export class FakeTikTok extends FakePlatform {
  readonly accessTokens = new Set<string>();
  readonly refreshTokens = new Set<string>();
  /** Statuses each publish goes through, one per status fetch; the last one stays. */
  publishStatuses: string[] = ['PROCESSING_DOWNLOAD', 'PUBLISH_COMPLETE'];
  failReason = 'file_format_check_failed';
  readonly inits: { publishId: string; body: Record<string, unknown> }[] = [];
  private readonly publishes = new Map<string, string[]>();
  private sequence = 0;

  constructor() {
    super();
    consentAt(this, 'GET /v2/auth/authorize/', 'tt-code');
    this.on('POST /v2/oauth/token/', (request) => {
      const {
        grant_type: grant,
        code,
        refresh_token: refresh,
        code_verifier: verifier,
      } = request.body as Record<string, string>;
      const valid =
        grant === 'authorization_code'
          ? code === 'tt-code' && Boolean(verifier)
          : this.refreshTokens.has(refresh ?? '');
      if (!valid)
        return {
          status: 400,
          body: { error: 'invalid_grant', error_description: 'Authorization code is expired.', log_id: 'x' },
        };
      const access = `act.${++this.sequence}`;
      this.accessTokens.add(access);
      const newRefresh = refresh ?? `rft.${++this.sequence}`;
      this.refreshTokens.add(newRefresh);
      return {
        body: {
          access_token: access,
          expires_in: 86_400,
          open_id: 'tt-open-1',
          refresh_token: newRefresh,
          refresh_expires_in: 31_536_000,
          scope: 'user.info.basic,video.publish',
          token_type: 'Bearer',
        },
      };
    });
    this.on('GET /v2/user/info/', (request) =>
      this.authorized(request, () => ({
        body: {
          data: { user: { open_id: 'tt-open-1', display_name: 'Yasmine', username: 'yasmine.fake', avatar_url: null } },
          error: ok,
        },
      })),
    );
    this.on('POST /v2/post/publish/creator_info/query/', (request) =>
      this.authorized(request, () => ({
        body: {
          data: {
            creator_avatar_url: 'https://tt.example/a.jpg',
            creator_username: 'yasmine.fake',
            creator_nickname: 'Yasmine',
            privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
            comment_disabled: false,
            duet_disabled: false,
            stitch_disabled: true,
            max_video_post_duration_sec: 300,
          },
          error: ok,
        },
      })),
    );
    const init = (request: Parameters<Parameters<FakePlatform['on']>[1]>[0]) =>
      this.authorized(request, () => {
        const postInfo = request.body.post_info as { privacy_level?: string } | undefined;
        if (!postInfo?.privacy_level) {
          return {
            status: 400,
            body: { error: { code: 'invalid_params', message: 'privacy_level is required', log_id: 'x' } },
          };
        }
        const publishId = `v_pub_url~${++this.sequence}`;
        this.publishes.set(publishId, [...this.publishStatuses]);
        this.inits.push({ publishId, body: request.body });
        return { body: { data: { publish_id: publishId }, error: ok } };
      });
    this.on('POST /v2/post/publish/video/init/', init);
    this.on('POST /v2/post/publish/content/init/', init);
    this.on('POST /v2/post/publish/status/fetch/', (request) =>
      this.authorized(request, () => {
        const statuses = this.publishes.get(String(request.body.publish_id));
        if (!statuses)
          return {
            status: 400,
            body: { error: { code: 'invalid_publish_id', message: 'publish_id not found', log_id: 'x' } },
          };
        const status = statuses.length > 1 ? (statuses.shift() as string) : (statuses[0] as string);
        const data = { status, ...(status === 'FAILED' ? { fail_reason: this.failReason } : {}), uploaded_bytes: 0 };
        // The post id is a 64-bit integer, written as TikTok writes it (beyond JSON's safe numbers).
        const ids = status === 'PUBLISH_COMPLETE' ? ',"publicaly_available_post_id":[7300000000000000001]' : '';
        return { raw: `{"data":${JSON.stringify(data).slice(0, -1)}${ids}},"error":${JSON.stringify(ok)}}` };
      }),
    );
  }

  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  private authorized(request: { headers: Record<string, unknown> }, answer: () => { status?: number; body?: unknown }) {
    const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!this.accessTokens.has(token)) {
      return {
        status: 401,
        body: {
          error: {
            code: 'access_token_invalid',
            message: 'The access token is invalid or not found in the request.',
            log_id: 'x',
          },
        },
      };
    }
    return answer();
  }
}
