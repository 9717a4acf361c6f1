import { consentAt, FakePlatform } from './fake-platform.ts';

/**
 * Facebook Pages (Graph API): page tokens from `GET /me/accounts`, posts by `POST /{page}/feed`
 * (message, link, attached_media), `/{page}/photos` (url, published) and `/{page}/videos`.
 */
export class FakeFacebook extends FakePlatform {
  readonly pageId = '2000001';
  readonly pageToken = 'PAGETOKEN1';
  readonly posts: { id: string; message: string; link?: string; attached?: string }[] = [];
  readonly photos: { id: string; url: string; published: boolean }[] = [];
  private sequence = 0;

  constructor() {
    super();
    consentAt(this, 'GET /dialog/oauth', 'fb-code');
    this.on('GET /oauth/access_token', (request) =>
      request.query.get('code') === 'fb-code' || request.query.get('fb_exchange_token')
        ? { body: { access_token: `USERTOKEN${++this.sequence}`, token_type: 'bearer', expires_in: 5_184_000 } }
        : { status: 400, body: { error: { message: 'Invalid code', type: 'OAuthException', code: 100 } } },
    );
    this.on('GET /me/accounts', () => ({
      body: {
        data: [
          {
            id: this.pageId,
            name: 'Riad Fake',
            access_token: this.pageToken,
            picture: { data: { url: 'https://fb.example/p.jpg' } },
          },
        ],
      },
    }));
    this.on('POST /:page/photos', (request) =>
      this.asPage(request.body.access_token, () => {
        const id = `ph${++this.sequence}`;
        const published = request.body.published !== 'false';
        this.photos.push({ id, url: String(request.body.url), published });
        if (published) this.posts.push({ id: `${this.pageId}_${id}`, message: String(request.body.caption ?? '') });
        return { body: published ? { id, post_id: `${this.pageId}_${id}` } : { id } };
      }),
    );
    this.on('POST /:page/feed', (request) =>
      this.asPage(request.body.access_token, () => {
        if (!request.body.message && !request.body.link && !request.body.attached_media) {
          return {
            status: 400,
            body: { error: { message: '(#100) Missing message or attachment', type: 'OAuthException', code: 100 } },
          };
        }
        const id = `${this.pageId}_${++this.sequence}`;
        this.posts.push({
          id,
          message: String(request.body.message ?? ''),
          link: request.body.link as string,
          attached: request.body.attached_media as string,
        });
        return { body: { id } };
      }),
    );
    this.on('GET /:id', (request, params) =>
      this.asPage(request.query.get('access_token'), () => ({
        body: {
          id: params.id,
          shares: { count: 3 },
          reactions: { summary: { total_count: 12 } },
          comments: { summary: { total_count: 4 } },
        },
      })),
    );
  }

  private asPage(token: unknown, answer: () => { status?: number; body?: unknown }) {
    if (token !== this.pageToken) {
      return {
        status: 400,
        body: { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } },
      };
    }
    return answer();
  }
}
