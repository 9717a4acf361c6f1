import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { FastifyServerFactory, FastifyServerOptions } from 'fastify';

/**
 * A hot-path handler tried before the application's router. It answers the request itself and
 * returns true, or returns false without touching the response, and the request goes through
 * the application (routing, hooks, error handling) as usual.
 */
export type FrontDoorHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  visitor: VisitorFacts,
  door: DoorState,
) => boolean;

/** What the application would have told a handler about the request. */
export interface VisitorFacts {
  /** The client's address, as `request.ip` gives it under the same proxy trust. */
  address(request: IncomingMessage): string | undefined;
}

/** What a handler passes to `FrontDoor` besides the visitor: whether the server now drains. */
export interface DoorState {
  /** True once the server drains: an answer still to be sent then closes its connection. */
  readonly closed: boolean;
}

/** Told of each answer given at the front door (metrics use the route's pattern as label). */
export type FrontDoorObserver = (method: string, route: string, status: number, seconds: number) => void;

interface Entry {
  route: string;
  handle: FrontDoorHandler;
}

/**
 * The HTTP server's first stop. The tracked redirect answers tens of thousands of visitors a
 * second in a burst; through the application it pays for routing, a dozen hooks and the reply
 * machinery on every click. Registered here, its common case (a cached link, a person's browser)
 * is answered straight from the `request` event; everything else (unknown codes, previews,
 * a cache miss) falls through to its ordinary route. Closed while the server drains, so the
 * application's drain (`connection: close`) applies to every answer. `inject` (tests) never
 * reaches it: the routes stay the reference, and front-door handlers must answer the same.
 */
export class FrontDoor implements DoorState {
  private entries: Entry[] = [];
  private open = true;
  private observer: FrontDoorObserver | null = null;

  constructor(
    private readonly visitor: VisitorFacts,
    private readonly logError: (error: unknown) => void = () => undefined,
  ) {}

  add(route: string, handle: FrontDoorHandler): void {
    this.entries.push({ route, handle });
  }

  observe(observer: FrontDoorObserver): void {
    this.observer = observer;
  }

  /** From now on every request goes through the application. */
  close(): void {
    this.open = false;
  }

  get closed(): boolean {
    return !this.open;
  }

  /** Answers at the front door if a handler takes the request; false leaves it to the application. */
  tryAnswer(request: IncomingMessage, response: ServerResponse): boolean {
    if (!this.open) return false;
    for (const entry of this.entries) {
      const started = performance.now();
      let answered: boolean;
      try {
        answered = entry.handle(request, response, this.visitor, this);
      } catch (error) {
        // A throw in the `request` event would take the process down. Before anything was sent,
        // the application answers instead (its route is the reference, with its error handling);
        // after, the connection is cut.
        this.logError(error);
        if (!response.headersSent) return false;
        response.destroy();
        return true;
      }
      if (!answered) continue;
      const observe = () =>
        this.observer?.(
          request.method ?? 'GET',
          entry.route,
          response.statusCode,
          (performance.now() - started) / 1000,
        );
      // Usually sent already; an answer held back (backpressure) is measured when it leaves.
      if (response.writableEnded) observe();
      else response.once('finish', observe);
      return true;
    }
    return false;
  }

  /**
   * Fastify's `serverFactory`: the same HTTP server Fastify would build (its timeouts, from its
   * resolved options), with the front door ahead of Fastify's handler.
   */
  readonly serverFactory: FastifyServerFactory = (appHandler, options) => {
    const resolved = options as FastifyServerOptions & {
      http?: ServerOptions;
      keepAliveTimeout: number;
      requestTimeout: number;
      connectionTimeout: number;
      maxRequestsPerSocket: number;
    };
    const server: Server = createServer(resolved.http ?? {}, (request, response) => {
      if (!this.tryAnswer(request, response)) appHandler(request, response);
    });
    server.keepAliveTimeout = resolved.keepAliveTimeout;
    server.requestTimeout = resolved.requestTimeout;
    server.setTimeout(resolved.connectionTimeout);
    if (resolved.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = resolved.maxRequestsPerSocket;
    return server;
  };
}
