import { FakePlatform } from './fake-platform.ts';

/**
 * Reddit: `www` side (authorize, /api/v1/access_token with HTTP Basic client credentials) and
 * `oauth` side (/api/v1/me, /api/submit). Submit errors come back as HTTP 200 with
 * `json.errors` ([code, message, field]); bad tokens are 401.
 */
export class FakeReddit extends FakePlatform {
  readonly accessTokens = new Set<string>();
  readonly refreshTokens = new Set<string>();
  readonly submissions: { name: string; sr: string; title: string; kind: string }[] = [];
  readonly userAgents: string[] = [];
  /** The next submit answers with these json.errors (once). */
  nextSubmitErrors: unknown[][] | null = null;
  private sequence = 0;

  constructor() {
    super();
    this.on('GET /api/v1/authorize', (request) => {
      const back = new URL(request.query.get('redirect_uri') ?? '');
      back.searchParams.set('state', request.query.get('state') ?? '');
      back.searchParams.set('code', 'rd-code');
      return { status: 302, headers: { location: back.toString() } };
    });
    this.on('POST /api/v1/access_token', (request) => {
      const basic = String(request.headers.authorization ?? '');
      if (basic !== `Basic ${Buffer.from('reddit-client:reddit-secret').toString('base64')}`)
        return { status: 401, body: { message: 'Unauthorized', error: 401 } };
      const { grant_type: grant, code, refresh_token: refresh } = request.body as Record<string, string>;
      const valid = grant === 'authorization_code' ? code === 'rd-code' : this.refreshTokens.has(refresh ?? '');
      // Reddit answers token errors with 200 and an `error` field.
      if (!valid) return { body: { error: 'invalid_grant' } };
      const access = `rd-access-${++this.sequence}`;
      this.accessTokens.add(access);
      const body: Record<string, unknown> = {
        access_token: access,
        token_type: 'bearer',
        expires_in: 3600,
        scope: 'identity submit read flair',
      };
      if (grant === 'authorization_code') {
        const newRefresh = `rd-refresh-${++this.sequence}`;
        this.refreshTokens.add(newRefresh);
        body.refresh_token = newRefresh;
      }
      return { body };
    });
    this.on('GET /api/v1/me', (request) =>
      this.authorized(request, () => ({
        body: { name: 'souk_fake', id: 't2_fake', icon_img: 'https://rd.example/i.png?x=1' },
      })),
    );
    this.on('POST /api/submit', (request) =>
      this.authorized(request, () => {
        this.userAgents.push(String(request.headers['user-agent']));
        if (this.nextSubmitErrors) {
          const errors = this.nextSubmitErrors;
          this.nextSubmitErrors = null;
          return { body: { json: { errors } } };
        }
        const name = `t3_${(++this.sequence).toString(36)}`;
        this.submissions.push({
          name,
          sr: String(request.body.sr),
          title: String(request.body.title),
          kind: String(request.body.kind),
        });
        return {
          body: {
            json: {
              errors: [],
              data: {
                url: `https://www.reddit.com/r/${request.body.sr}/comments/${name.slice(3)}/`,
                id: name.slice(3),
                name,
              },
            },
          },
        };
      }),
    );
    this.on('GET /api/info', (request) =>
      this.authorized(request, () => ({ body: { data: { children: [{ data: { score: 42, num_comments: 5 } }] } } })),
    );
  }

  revokeAccessTokens(): void {
    this.accessTokens.clear();
  }

  private authorized(request: { headers: Record<string, unknown> }, answer: () => { status?: number; body?: unknown }) {
    const token = String(request.headers.authorization ?? '').replace(/^bearer /i, '');
    if (!this.accessTokens.has(token)) return { status: 401, body: { message: 'Unauthorized', error: 401 } };
    return answer();
  }
}
