import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type SandboxNetwork, sandboxHandlePattern } from './network.ts';
import { consentPage, feedPage } from './pages.ts';

const authorizeQuery = z.object({
  client_id: z.string().max(100).default(''),
  redirect_uri: z.string().max(2000).default(''),
  state: z.string().max(500).default(''),
  code_challenge: z.string().max(200).default(''),
  code_challenge_method: z.string().max(10).default('S256'),
  scope: z.string().max(200).default(''),
  response_type: z.string().max(20).default('code'),
});
const decisionBody = authorizeQuery.extend({
  handle: z.string().max(60).default(''),
  decision: z.enum(['allow', 'deny']).default('deny'),
});
const tokenBody = z.object({
  grant_type: z.string().max(40),
  code: z.string().max(200).optional(),
  code_verifier: z.string().max(200).optional(),
  redirect_uri: z.string().max(2000).optional(),
  refresh_token: z.string().max(200).optional(),
});
const bearer = (header: string | undefined) => header?.replace(/^bearer\s+/i, '') ?? '';

/**
 * The sandbox network's own site: an OAuth consent screen and token endpoint, a small publishing
 * API (received -> finished -> published) and a public feed per handle. It imitates an outside
 * network, so its pages are plain server-rendered HTML rather than pages of the web app.
 */
export function sandboxRoutes(deps: { network: SandboxNetwork; publicUrl: string }): FastifyPluginAsync {
  return async (instance) => {
    // HTML forms and OAuth token requests post url-encoded bodies (in this plugin's scope only).
    instance.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const open = { access: 'public' as const };
    const hide = { hide: true };
    // Codes only go back to Souk's own callback: the sandbox is not an open redirector.
    const allowedRedirect = (uri: string) => uri.startsWith(`${deps.publicUrl}/social/oauth/sandbox/callback`);

    app.get(
      '/sandbox/social/oauth/authorize',
      { config: open, schema: { ...hide, querystring: authorizeQuery } },
      async (request, reply) => {
        const params = request.query;
        const error =
          allowedRedirect(params.redirect_uri) && params.code_challenge ? null : ('invalid_request' as const);
        return reply.type('text/html; charset=utf-8').send(consentPage(request.locale, { params, handle: '', error }));
      },
    );

    app.post(
      '/sandbox/social/oauth/authorize',
      { config: open, schema: { ...hide, body: decisionBody } },
      async (request, reply) => {
        const { handle, decision, ...params } = request.body;
        if (!allowedRedirect(params.redirect_uri) || !params.code_challenge) {
          return reply
            .code(400)
            .type('text/html; charset=utf-8')
            .send(consentPage(request.locale, { params, handle, error: 'invalid_request' }));
        }
        const back = new URL(params.redirect_uri);
        back.searchParams.set('state', params.state);
        if (decision === 'deny') {
          back.searchParams.set('error', 'access_denied');
          return reply.redirect(back.toString(), 303);
        }
        const normalized = handle.trim().replace(/^@/, '').toLowerCase();
        if (!sandboxHandlePattern.test(normalized)) {
          return reply
            .code(422)
            .type('text/html; charset=utf-8')
            .send(consentPage(request.locale, { params, handle, error: 'invalid_handle' }));
        }
        const code = await deps.network.issueCode({
          handle: normalized,
          codeChallenge: params.code_challenge,
          redirectUri: params.redirect_uri,
        });
        back.searchParams.set('code', code);
        return reply.redirect(back.toString(), 303);
      },
    );

    app.post(
      '/sandbox/social/oauth/token',
      { config: open, schema: { ...hide, body: tokenBody } },
      async (request, reply) => {
        const answer = await deps.network.token({
          grantType: request.body.grant_type,
          code: request.body.code,
          codeVerifier: request.body.code_verifier,
          redirectUri: request.body.redirect_uri,
          refreshToken: request.body.refresh_token,
        });
        return reply.code('error' in answer ? 400 : 200).send(answer);
      },
    );

    // The publishing API, for programs that want to talk to the sandbox over HTTP.
    const withToken = async <T>(authorization: string | undefined, work: (token: string) => Promise<T>) => {
      try {
        return { status: 200, body: (await work(bearer(authorization))) as unknown };
      } catch (error) {
        const kind = (error as { kind?: string }).kind;
        return {
          status: kind === 'refresh-token' ? 401 : 400,
          body: { error: (error as { code?: string }).code ?? 'invalid_request' },
        };
      }
    };
    const postBody = z.object({
      caption: z.string().max(5000),
      link_url: z.string().max(2000).optional(),
      client_ref: z.string().max(100).optional(),
    });
    app.post(
      '/sandbox/social/api/posts',
      { config: open, schema: { ...hide, body: postBody } },
      async (request, reply) => {
        const result = await withToken(request.headers.authorization, (token) =>
          deps.network.createPost(token, {
            caption: request.body.caption,
            media: [],
            linkUrl: request.body.link_url ?? null,
            clientRef: request.body.client_ref ?? null,
          }),
        );
        return reply.code(result.status).send(result.body);
      },
    );
    const idParams = z.object({ id: z.uuid() });
    app.get(
      '/sandbox/social/api/posts/:id',
      { config: open, schema: { ...hide, params: idParams } },
      async (request, reply) => {
        const result = await withToken(request.headers.authorization, (token) =>
          deps.network.postStatus(token, request.params.id),
        );
        return reply.code(result.status).send(result.body);
      },
    );
    app.post(
      '/sandbox/social/api/posts/:id/publish',
      { config: open, schema: { ...hide, params: idParams } },
      async (request, reply) => {
        const result = await withToken(request.headers.authorization, (token) =>
          deps.network.publish(token, request.params.id),
        );
        return reply.code(result.status).send(result.body);
      },
    );

    app.get(
      '/sandbox/social/@:handle',
      { config: open, schema: { ...hide, params: z.object({ handle: z.string().max(60) }) } },
      async (request, reply) => {
        const handle = request.params.handle.toLowerCase();
        const posts = sandboxHandlePattern.test(handle) ? await deps.network.feed(handle) : [];
        return reply
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(feedPage(request.locale, handle, posts));
      },
    );
  };
}
