import { ProviderError } from './types.ts';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  /** The body as sent: 64-bit ids (TikTok's post ids) lose digits in JSON.parse. */
  raw: string;
}

/**
 * One HTTP call to a social network with a deadline. A timeout or a dropped connection is a
 * `retry` error marked ambiguous: the platform may have acted, so a mutating step must not repeat.
 */
export async function callPlatform(url: string, init: RequestInit & { timeoutMs: number }): Promise<HttpAnswer> {
  const { timeoutMs, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(url, { ...rest, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new ProviderError('retry', timedOut ? 'timeout' : 'network', (error as Error).message, { ambiguous: true });
  }
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (an HTML error page from a proxy): keep the text for the history.
  }
  return { status: response.status, headers: response.headers, body, raw: text };
}

/** Milliseconds from a Retry-After header (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers, fallbackMs = 60_000): number {
  const value = headers.get('retry-after');
  if (!value) return fallbackMs;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? fallbackMs : Math.max(0, date - Date.now());
}

/**
 * The common HTTP classification: 401 refresh, 429 retry after the header (the platform refused,
 * nothing happened), 5xx retry (ambiguous), other 4xx bad body. Providers refine it from bodies.
 */
export function classifyStatus(answer: HttpAnswer, code: string, message: string): ProviderError {
  if (answer.status === 401) return new ProviderError('refresh-token', code, message, { status: 401 });
  if (answer.status === 429) {
    return new ProviderError('retry', 'rate_limited', message, {
      retryAfterMs: retryAfterMs(answer.headers),
      status: 429,
    });
  }
  if (answer.status >= 500)
    return new ProviderError('retry', code, message, { ambiguous: true, status: answer.status });
  return new ProviderError('bad-body', code, message, { status: answer.status });
}

export function form(values: Record<string, string | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, value);
  return params;
}

/** Reads a nested field without trusting the shape of a platform's body. */
export function field(body: unknown, ...path: string[]): unknown {
  let current: unknown = body;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function text(body: unknown, ...path: string[]): string | undefined {
  const value = field(body, ...path);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
