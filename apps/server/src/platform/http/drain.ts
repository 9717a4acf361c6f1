import type { FastifyInstance } from 'fastify';

export interface Drain {
  readonly draining: boolean;
  /** From now on /readyz says 503 and every response closes its connection. */
  begin(): void;
}

/**
 * The first phase of a graceful stop. Load balancers see /readyz fail and stop routing here;
 * clients whose request is already on the wire still get an answer, on a connection we then
 * close, so nothing is left idle for the listener's close to reset.
 */
export function registerDrain(app: FastifyInstance, onBegin: () => void = () => undefined): Drain {
  let draining = false;
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  return {
    get draining() {
      return draining;
    },
    begin() {
      draining = true;
      onBegin();
    },
  };
}
