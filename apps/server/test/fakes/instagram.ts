import { consentAt, FakePlatform } from './fake-platform.ts';

/**
 * Instagram Graph API (through Facebook Login), as documented: containers created by
 * `POST /{ig-user-id}/media`, polled with `GET /{container}?fields=status_code` (IN_PROGRESS,
 * FINISHED, ERROR, EXPIRED, PUBLISHED), published by `POST /{ig-user-id}/media_publish`;
 * invalid tokens answer 400 with Graph error 190; the quota comes from content_publishing_limit.
 */
export class FakeInstagram extends FakePlatform {
  readonly igUserId = '17841400000000001';
  readonly validTokens = new Set<string>();
  /** Statuses each new container goes through, one per poll; the last one stays. */
  containerStatuses: string[] = ['FINISHED'];
  quotaUsage = 0;
  readonly published: { id: string; creationId: string; caption: string }[] = [];
  private readonly containers = new Map<string, { statuses: string[]; caption: string }>();
  private sequence = 0;

  constructor() {
    super();
    consentAt(this, 'GET /dialog/oauth', 'ig-code');
    this.on('GET /oauth/access_token', (request) => {
      const exchange = request.query.get('fb_exchange_token');
      if (request.query.get('code') !== 'ig-code' && !(exchange && this.validTokens.has(exchange))) {
        return {
          status: 400,
          body: { error: { message: 'Invalid verification code format.', type: 'OAuthException', code: 100 } },
        };
      }
      return { body: { access_token: this.issue(), token_type: 'bearer', expires_in: 5_184_000 } };
    });
    this.on('GET /me/accounts', (request) =>
      this.authorized(request.query.get('access_token'), () => ({
        body: {
          data: [
            {
              id: '1000001',
              name: 'Souk Page',
              instagram_business_account: { id: this.igUserId, username: 'souk.fake', name: 'Souk Fake' },
            },
            { id: '1000002', name: 'Page without Instagram' },
          ],
        },
      })),
    );
    this.on('POST /:igUser/media', (request) =>
      this.authorized(request.body.access_token, () => {
        if (!request.body.image_url && !request.body.video_url && request.body.media_type !== 'CAROUSEL') {
          return {
            status: 400,
            body: { error: { message: 'The parameter image_url is required', type: 'OAuthException', code: 100 } },
          };
        }
        const id = `c${++this.sequence}`;
        this.containers.set(id, { statuses: [...this.containerStatuses], caption: String(request.body.caption ?? '') });
        return { body: { id } };
      }),
    );
    this.on('GET /:igUser/content_publishing_limit', (request) =>
      this.authorized(request.query.get('access_token'), () => ({
        body: { data: [{ quota_usage: this.quotaUsage, config: { quota_total: 50, quota_duration: 86_400 } }] },
      })),
    );
    this.on('POST /:igUser/media_publish', (request) =>
      this.authorized(request.body.access_token, () => {
        const creationId = String(request.body.creation_id);
        const container = this.containers.get(creationId);
        if (container?.statuses[0] !== 'FINISHED') {
          return {
            status: 400,
            body: {
              error: {
                message: 'Media ID is not available',
                type: 'OAuthException',
                code: 9007,
                error_subcode: 2207027,
              },
            },
          };
        }
        const id = `m${++this.sequence}`;
        container.statuses = ['PUBLISHED'];
        this.published.push({ id, creationId, caption: container.caption });
        return { body: { id } };
      }),
    );
    this.on('GET /:id', (request, params) =>
      this.authorized(request.query.get('access_token'), () => {
        const container = this.containers.get(params.id ?? '');
        if (container) {
          const status =
            container.statuses.length > 1 ? (container.statuses.shift() as string) : (container.statuses[0] as string);
          return {
            body: { id: params.id, status_code: status, ...(status === 'ERROR' ? { status: 'Error: 2207026' } : {}) },
          };
        }
        const media = this.published.find((item) => item.id === params.id);
        if (!media) return { status: 400, body: { error: { message: 'Unsupported get request', code: 100 } } };
        return {
          body: {
            id: media.id,
            permalink: `https://www.instagram.com/p/${media.id}/`,
            like_count: 7,
            comments_count: 2,
          },
        };
      }),
    );
  }

  issue(): string {
    const token = `IGTOKEN${++this.sequence}`;
    this.validTokens.add(token);
    return token;
  }

  /** Every token given so far stops working (the person changed password, or it expired). */
  expireTokens(): void {
    this.validTokens.clear();
  }

  private authorized(token: unknown, answer: () => { status?: number; body?: unknown }) {
    if (typeof token !== 'string' || !this.validTokens.has(token)) {
      return {
        status: 400,
        body: {
          error: {
            message: 'Error validating access token: Session has expired',
            type: 'OAuthException',
            code: 190,
            error_subcode: 463,
          },
        },
      };
    }
    return answer();
  }
}
