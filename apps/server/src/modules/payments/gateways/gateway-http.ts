import { GatewayFailure } from './gateway.ts';

export interface HttpAnswer {
  status: number;
  body: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Serves a request inside this process (the sandbox gateway lives on our own origin). */
export type LocalHandler = (request: HttpRequest) => Promise<HttpAnswer>;

/**
 * Server-to-server calls of the gateways, with one timeout policy. Calls to our own origin (the
 * sandbox's API, the sandbox's callback to us) are served in-process: the public URL may sit
 * behind a proxy this node cannot reach from inside, and the request still goes through the
 * same routes, parsing and checks.
 */
export class GatewayHttp {
  private local: LocalHandler | null = null;

  constructor(private readonly options: { publicOrigin: string; timeoutMs: number }) {}

  serveLocally(handler: LocalHandler): void {
    this.local = handler;
  }

  async send(request: HttpRequest): Promise<HttpAnswer> {
    if (this.local && new URL(request.url).origin === this.options.publicOrigin) return this.local(request);
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'manual',
      });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new GatewayFailure(
          'timeout',
          `no answer from ${new URL(request.url).host} within ${this.options.timeoutMs} ms`,
        );
      }
      throw new GatewayFailure('unavailable', `cannot reach ${new URL(request.url).host}`);
    }
  }
}
