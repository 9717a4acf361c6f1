import { errorTitles } from '@souk/contracts/error-messages';
import { type ErrorCode, errorStatus, type Problem } from '@souk/contracts/errors';
import { defaultLocale } from '@souk/contracts/locales';
import { type AppLoadContext, data } from 'react-router';

export type ApiSuccess<T> = { ok: true; status: number; data: T; headers: Headers };
export type ApiFailure = { ok: false; status: number; problem: Problem; headers: Headers };
export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

/** RequestInit plus `json`, which is serialized with the matching content type. */
export type ApiInit = Omit<RequestInit, 'body'> & { body?: string; json?: unknown };

/**
 * Calls the API and returns either the parsed body or the RFC 9457 problem. It never throws for
 * an HTTP error, so every caller decides what a failure means for its page.
 */
export async function apiJson<T>(context: AppLoadContext, path: string, init: ApiInit = {}): Promise<ApiResult<T>> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  const cookie = replacedCookies.get(context);
  if (cookie !== undefined && !headers.has('cookie')) headers.set('cookie', cookie);
  const requestInit: RequestInit = { ...rest, headers };
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    requestInit.body = JSON.stringify(json);
  }

  let response: Response;
  try {
    response = await context.api(path, requestInit);
  } catch {
    // The API being unreachable is reported like any other failure, not as a crash of the page.
    return {
      ok: false,
      status: 503,
      problem: synthesizeProblem(503, undefined, context, path),
      headers: new Headers(),
    };
  }

  const body = await readJsonBody(response);
  if (response.ok) return { ok: true, status: response.status, data: body as T, headers: response.headers };
  const problem = isProblem(body) ? body : synthesizeProblem(response.status, body, context, path);
  return { ok: false, status: response.status, problem, headers: response.headers };
}

/** For loaders: the data, or the problem thrown to the nearest error boundary with its status. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.data;
  throw data(result.problem, { status: result.status });
}

/** Field errors keyed by the field name (the last segment of the API's path, e.g. "body.email"). */
export function fieldErrorsOf(problem: Problem): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const { path, message } of problem.errors ?? []) {
    const field = path.split('.').at(-1) ?? path;
    fieldErrors[field] ??= message;
  }
  return fieldErrors;
}

/** Copies every Set-Cookie of an API response, so a redirect can hand the session to the browser. */
export function forwardedCookies(headers: Headers): Headers {
  const forwarded = new Headers();
  for (const cookie of headers.getSetCookie()) forwarded.append('set-cookie', cookie);
  return forwarded;
}

/** The visitor's cookies as changed by an action, for the API calls later in the same request. */
const replacedCookies = new WeakMap<AppLoadContext, string>();

/**
 * `forwardedCookies`, for an action that stays on its page after an API call that replaced the
 * session (turning two-step verification on or off, changing the password). Without JavaScript
 * the page's loaders run in the same request as the action, still holding the old, now revoked,
 * session cookie: they would see a signed-out visitor. The new cookies are used for the rest of
 * the request (the context is the same object for the action and those loaders).
 */
export function adoptedCookies(context: AppLoadContext, request: Request, headers: Headers): Headers {
  const setCookies = headers.getSetCookie();
  if (setCookies.length > 0) {
    const jar = new Map<string, string>();
    for (const part of (replacedCookies.get(context) ?? request.headers.get('cookie') ?? '').split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name) jar.set(name, value.join('='));
    }
    for (const setCookie of setCookies) {
      const [pair = '', ...attributes] = setCookie.split(';');
      const [name, ...value] = pair.trim().split('=');
      if (!name) continue;
      const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*0\s*$/i.test(attribute));
      if (expired) jar.delete(name);
      else jar.set(name, value.join('='));
    }
    replacedCookies.set(context, [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
  }
  return forwardedCookies(headers);
}

async function readJsonBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate.title === 'string' && typeof candidate.code === 'string' && candidate.code in errorStatus;
}

function codeForStatus(status: number): ErrorCode {
  const exact = (Object.entries(errorStatus) as [ErrorCode, number][]).find(([, code]) => code === status);
  if (exact) return exact[0];
  if (status === 502 || status === 504) return 'service_unavailable';
  return status >= 500 ? 'internal' : 'validation_failed';
}

/**
 * Some endpoints (the auth library's, a proxy in front of the API) answer errors without a problem
 * body; they still become a problem so pages handle a single shape.
 */
function synthesizeProblem(status: number, body: unknown, context: AppLoadContext, path: string): Problem {
  const code = codeForStatus(status);
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  return {
    type: `https://souk.ma/problems/${code}`,
    title: typeof message === 'string' && message ? message : errorTitles[defaultLocale][code],
    status,
    code,
    instance: path.split('?')[0] ?? path,
    requestId: context.requestId,
  };
}
