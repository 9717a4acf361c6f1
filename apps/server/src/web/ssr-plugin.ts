import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import fastifyStatic from '@fastify/static';
import { isLocale, localeHeaderName, localeQueryParam } from '@souk/contracts/locales';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { buildProblem, sendProblem } from '../platform/http/error-handler.ts';
import { internalCallHeader, internalCallToken } from '../platform/http/internal-call.ts';
import { markRoutesPublic } from '../platform/http/mark-public.ts';
import { serverRoot } from '../platform/server-root.ts';
import type { AnonymousPageCache, CachedPage } from './anonymous-page-cache.ts';

/** What loaders and actions of the web app receive as `context`. */
export interface WebLoadContext {
  /** Calls this server's own API in-process, as the visitor (their cookies and language). */
  api(path: string, init?: RequestInit): Promise<Response>;
  requestId: string;
  /** The site's public origin (`https://souk.ma`), for canonical URLs and social cards. */
  publicOrigin: string;
}

const reservedPrefixes = ['/api/', '/r/', '/healthz', '/readyz', '/metrics'];

export function resolveWebBuildDir(configured: string | undefined): string {
  return path.resolve(configured ?? path.join(serverRoot(), '../web/build'));
}

/**
 * Serves the React Router app (SSR) and its static assets from the same process as the API.
 * The web app reads data through `context.api`, i.e. through the same routes, guards and
 * validation as any program using the public API.
 */
export async function registerWebApp(
  app: FastifyInstance,
  buildDir: string,
  publicUrl: string,
  pageCache: AnonymousPageCache | null = null,
): Promise<void> {
  const serverEntry = path.join(buildDir, 'server/index.js');
  if (!existsSync(serverEntry)) {
    throw new Error(`The web app is not built (${serverEntry} is missing). Run: npm run build`);
  }
  const build = (await import(serverEntry)) as ServerBuild;
  const handle = createRequestHandler(build, process.env.NODE_ENV === 'production' ? 'production' : 'development');

  await app.register(async (scope) => {
    markRoutesPublic(scope);
    await scope.register(fastifyStatic, {
      root: path.join(buildDir, 'client/assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      // The build writes .br and .gz copies of scripts and stylesheets (apps/web/vite.config.ts).
      preCompressed: true,
      decorateReply: false,
    });
  });

  await app.register(async (scope) => {
    markRoutesPublic(scope);
    // Actions read the raw body themselves; Fastify must leave the stream untouched.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));

    const render = async (request: FastifyRequest, reply: FastifyReply) => {
      if (reservedPrefixes.some((prefix) => request.url.startsWith(prefix))) {
        return sendProblem(reply, buildProblem(request, 'not_found'));
      }
      if (!isFirstPartySubmission(request, publicUrl)) {
        return sendProblem(
          reply,
          buildProblem(request, 'forbidden', { detail: 'Cross-site form submission refused.' }),
        );
      }
      const key = pageCache?.keyOf(request) ?? null;
      const cached = key ? pageCache?.get(key) : undefined;
      if (cached) return sendCachedPage(reply.header('x-souk-page-cache', 'hit'), cached);
      const begun = pageCache?.begin() ?? 0;
      const response = await handle(toWebRequest(request), makeLoadContext(app, request, publicUrl) as never);
      if (key && pageCache?.mayKeep(response))
        return sendCachedPage(reply, await pageCache.store(key, response, begun));
      return sendWebResponse(reply, response);
    };
    scope.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', handler: render });
    scope.route({ method: ['GET', 'HEAD', 'POST'], url: '/', handler: render });
  });
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Page actions call the API as a first party (see makeLoadContext), so the API's own origin check
 * cannot see where the form was posted from: it is checked here instead. A submission that
 * carries cookies must come from one of our pages: its Origin (or Referer) is the public URL, or
 * the very host it was sent to. Without cookies there is no ambient authority to abuse.
 */
function isFirstPartySubmission(request: FastifyRequest, publicUrl: string): boolean {
  if (!unsafeMethods.has(request.method) || !request.headers.cookie) return true;
  const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
  if (!origin) return false;
  return origin === new URL(publicUrl).origin || origin === `${request.protocol}://${request.host}`;
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

function toWebRequest(request: FastifyRequest): Request {
  const origin = `${request.protocol}://${request.host}`;
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else headers.set(key, value);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const controller = new AbortController();
  request.raw.once('close', () => {
    if (!request.raw.complete) controller.abort();
  });
  return new Request(new URL(request.url, origin), {
    method: request.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(request.raw) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

async function sendWebResponse(reply: FastifyReply, response: Response): Promise<FastifyReply> {
  reply.status(response.status);
  for (const [key, value] of response.headers) {
    if (key === 'set-cookie') continue;
    reply.header(key, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
  if (!response.body) return reply.send();
  return reply.send(Readable.fromWeb(response.body as never));
}

function sendCachedPage(reply: FastifyReply, page: CachedPage): FastifyReply {
  reply.status(page.status);
  for (const [key, value] of page.headers) reply.header(key, value);
  return reply.send(page.body);
}

function makeLoadContext(app: FastifyInstance, request: FastifyRequest, publicUrl: string): WebLoadContext {
  const pageLocale = new URL(request.url, 'http://page.invalid').searchParams.get(localeQueryParam);
  return {
    requestId: request.id,
    publicOrigin: new URL(publicUrl).origin,
    async api(apiPath, init = {}) {
      const headers = new Headers(init.headers);
      for (const name of ['cookie', 'accept-language', 'user-agent'] as const) {
        const value = request.headers[name];
        if (typeof value === 'string' && !headers.has(name)) headers.set(name, value);
      }
      if (isLocale(pageLocale) && !headers.has(localeHeaderName)) headers.set(localeHeaderName, pageLocale);
      headers.set('x-request-id', request.id);
      headers.set(internalCallHeader, internalCallToken);
      // The call comes from our own server: it presents the site's public origin, whatever host
      // name the visitor used, so the API's origin check sees a first-party call.
      headers.set('origin', new URL(publicUrl).origin);
      const injected = await app.inject({
        method: (init.method ?? 'GET') as 'GET',
        url: apiPath,
        headers: Object.fromEntries(headers),
        remoteAddress: request.ip,
        ...(init.body !== undefined && init.body !== null ? { payload: init.body as string } : {}),
      });
      const responseHeaders = new Headers();
      for (const [key, value] of Object.entries(injected.headers)) {
        if (value === undefined) continue;
        if (Array.isArray(value)) for (const item of value) responseHeaders.append(key, String(item));
        else responseHeaders.set(key, String(value));
      }
      const status = injected.statusCode;
      const nullBody = status === 204 || status === 304;
      return new Response(nullBody ? null : injected.rawPayload, { status, headers: responseHeaders });
    },
  };
}
