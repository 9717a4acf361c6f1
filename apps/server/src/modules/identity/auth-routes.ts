import { ErrorCode, type ErrorCode as ErrorCodeType } from '@souk/contracts/errors';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { buildProblem, sendProblem } from '../../platform/http/error-handler.ts';
import type { Auth } from './auth.ts';

const codeByStatus: Partial<Record<number, ErrorCodeType>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.InvalidCredentials,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  422: ErrorCode.ValidationFailed,
  429: ErrorCode.RateLimited,
};

export function toWebHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else headers.set(key, String(value));
  }
  return headers;
}

/**
 * Mounts better-auth under /api/auth. Its error bodies are rewritten as the platform's
 * problem+json (translated, with the request id) so clients handle one error shape.
 */
export function authRoutes(auth: Auth): FastifyPluginAsync {
  return async (app) => {
    app.route({
      method: ['GET', 'POST'],
      url: '/api/auth/*',
      config: { access: 'public' },
      schema: { hide: true },
      async handler(request, reply) {
        const url = new URL(request.url, `${request.protocol}://${request.host}`);
        const hasBody = request.method !== 'GET' && request.body !== undefined;
        const response = await auth.handler(
          new Request(url, {
            method: request.method,
            headers: toWebHeaders(request),
            ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
          }),
        );
        const cookies = response.headers.getSetCookie();
        if (cookies.length) reply.header('set-cookie', cookies);
        if (response.status >= 400) {
          const upstream = (await response.json().catch(() => ({}))) as { code?: string };
          const code = codeByStatus[response.status] ?? ErrorCode.Internal;
          return sendProblem(reply, buildProblem(request, code, { detail: upstream.code }));
        }
        for (const [key, value] of response.headers) {
          if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
        }
        reply.status(response.status);
        return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
      },
    });
  };
}
