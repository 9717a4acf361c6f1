import { errorTitles } from '@souk/contracts/error-messages';
import { type ErrorCode, errorStatus, type Problem } from '@souk/contracts/errors';
import type { Locale } from '@souk/contracts/locales';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError, z } from 'zod';
import { AppError, type FieldError } from './app-error.ts';

const zodLocales = { fr: z.locales.fr, en: z.locales.en, ar: z.locales.ar } as const;

function translateIssue(issue: z.core.$ZodIssue, locale: Locale): string {
  // zod renders its generic messages in English; re-render them in the request's language.
  try {
    const rendered = zodLocales[locale]().localeError(issue as never);
    const message = typeof rendered === 'string' ? rendered : rendered?.message;
    return message ?? issue.message;
  } catch {
    return issue.message;
  }
}

function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale, prefix: string): FieldError[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: translateIssue(issue, locale),
  }));
}

/** Maps anything thrown by a route to an error code, keeping internals out of the response. */
function valueAt(root: unknown, segments: string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function classify(
  error: unknown,
  request: FastifyRequest,
): { code: ErrorCode; detail?: string; fields?: FieldError[]; extensions?: Record<string, unknown> } {
  const locale = request.locale;
  if (error instanceof AppError) {
    return {
      code: error.code,
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error.fieldErrors ? { fields: error.fieldErrors } : {}),
      ...(error.extensions ? { extensions: error.extensions } : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? '';
    const source = (request as unknown as Record<string, unknown>)[context];
    const fields = error.validation.map((entry) => {
      const segments = entry.instancePath.split('/').filter(Boolean);
      // The offending value lets zod say what it received, not just what it expected.
      const issue = { ...entry.params, code: entry.keyword, path: [], message: entry.message };
      const input = valueAt(source, segments);
      return {
        path: [context, ...segments].filter(Boolean).join('.'),
        message: translateIssue({ ...issue, input } as unknown as z.core.$ZodIssue, locale),
      };
    });
    return { code: 'validation_failed', fields };
  }
  if (error instanceof ZodError) {
    // A service parsing a request part itself says which part it was (see `parseRequestPart`).
    const context = (error as ZodError & { validationContext?: string }).validationContext ?? '';
    return { code: 'validation_failed', fields: issuesToFieldErrors(error.issues, locale, context) };
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'malformed_body' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'validation_failed', detail: 'Unsupported Content-Type' };
    default:
      break;
  }
  if (fastifyError.statusCode === 429) return { code: 'rate_limited' };
  if (fastifyError.statusCode === 400 && error instanceof SyntaxError) return { code: 'malformed_body' };
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const byStatus: Partial<Record<number, ErrorCode>> = {
      400: 'malformed_body',
      401: 'unauthenticated',
      403: 'forbidden',
      404: 'not_found',
      409: 'conflict',
      413: 'payload_too_large',
      415: 'validation_failed',
    };
    return { code: byStatus[fastifyError.statusCode] ?? 'validation_failed' };
  }
  return { code: 'internal' };
}

export function buildProblem(
  request: FastifyRequest,
  code: ErrorCode,
  extra: {
    detail?: string | undefined;
    fields?: FieldError[] | undefined;
    extensions?: Record<string, unknown> | undefined;
  } = {},
): Problem {
  const locale = request.locale;
  return {
    ...extra.extensions,
    type: `https://souk.ma/problems/${code}`,
    title: errorTitles[locale][code],
    status: errorStatus[code],
    code,
    ...(extra.detail ? { detail: extra.detail } : {}),
    instance: request.url.split('?')[0] ?? request.url,
    requestId: request.id,
    ...(extra.fields?.length ? { errors: extra.fields } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/** One error handler for the whole API: RFC 9457 bodies, request id included, 5xx opaque. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { code, detail, fields, extensions } = classify(error, request);
    if (errorStatus[code] >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code, err: { message: (error as Error).message } }, 'request rejected');
    }
    if (error instanceof AppError && error.headers) reply.headers(error.headers);
    return sendProblem(reply, buildProblem(request, code, { detail, fields, extensions }));
  });

  app.setNotFoundHandler((request, reply) => sendProblem(reply, buildProblem(request, 'not_found')));
}

/** Parses one part of a request outside Fastify's validation, reporting errors under that part. */
export function parseRequestPart<T>(schema: z.ZodType<T>, value: unknown, part: 'body' | 'querystring' | 'params'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw Object.assign(result.error, { validationContext: part });
}
