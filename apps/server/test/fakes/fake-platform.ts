import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The body text as is (numbers JSON cannot carry, like 64-bit ids). */
  raw?: string;
  /** Answer after this long (longer than the client's deadline: a timeout). */
  delayMs?: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Url-encoded or JSON bodies, parsed; the raw text otherwise. */
  body: Record<string, unknown>;
}

type Handler = (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>;

/**
 * A local HTTP server speaking one platform's documented contract. Routes are `METHOD /path`
 * patterns with `:name` segments; tests script the next answers of a route (`script`), and read
 * every call it received (`calls`).
 */
export class FakePlatform {
  readonly calls: (FakeRequest & { route: string })[] = [];
  private readonly routes: { route: string; method: string; pattern: RegExp; names: string[]; handler: Handler }[] = [];
  private readonly scripted = new Map<string, FakeAnswer[]>();
  private server: Server | undefined;
  url = '';

  on(
    route: string,
    handler: (request: FakeRequest, params: Record<string, string>) => FakeAnswer | Promise<FakeAnswer>,
  ): this {
    const [method, path] = route.split(' ') as [string, string];
    const names: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/:(\w+)/g, (_whole, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    this.routes.push({
      route,
      method,
      pattern,
      names,
      handler: (request) => {
        const match = pattern.exec(request.path) ?? [];
        const params = Object.fromEntries(
          names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]),
        );
        return handler(request, params);
      },
    });
    return this;
  }

  /** The next answers of a route, used once each before its normal behaviour resumes. */
  script(route: string, ...answers: FakeAnswer[]): void {
    this.scripted.set(route, [...(this.scripted.get(route) ?? []), ...answers]);
  }

  callsTo(route: string) {
    return this.calls.filter((call) => call.route === route);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(raw: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(raw.url ?? '/', 'http://fake');
    let body: Record<string, unknown> = {};
    if (text) {
      try {
        body = (raw.headers['content-type'] ?? '').includes('json')
          ? JSON.parse(text)
          : Object.fromEntries(new URLSearchParams(text));
      } catch {
        body = { raw: text };
      }
    }
    const method = raw.method ?? 'GET';
    const route = this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(url.pathname));
    const request: FakeRequest = { method, path: url.pathname, query: url.searchParams, headers: raw.headers, body };
    if (!route) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'no such route' }));
      return;
    }
    this.calls.push({ ...request, route: route.route });
    const answer = this.scripted.get(route.route)?.shift() ?? (await route.handler(request));
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (response.destroyed) return;
    const headers = { 'content-type': 'application/json', ...answer.headers };
    response
      .writeHead(answer.status ?? 200, headers)
      .end(answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
  }
}

/** The OAuth consent step every fake shares: it consents at once and sends the browser back. */
export function consentAt(fake: FakePlatform, route: string, code: string): void {
  fake.on(route, (request) => {
    const back = new URL(request.query.get('redirect_uri') ?? '');
    back.searchParams.set('code', code);
    back.searchParams.set('state', request.query.get('state') ?? '');
    return { status: 302, headers: { location: back.toString() } };
  });
}
