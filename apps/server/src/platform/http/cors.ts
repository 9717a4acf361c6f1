import type { FastifyInstance } from 'fastify';

/** CORS is off unless CORS_ORIGINS lists origins; then only those may call the API. */
export function registerCors(app: FastifyInstance, origins: string[]): void {
  const allowed = new Set(origins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
    reply.header('access-control-allow-credentials', 'true');
    if (request.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET,POST,PUT,PATCH,DELETE');
      reply.header('access-control-allow-headers', 'authorization,content-type,x-request-id');
      reply.header('access-control-max-age', '600');
      return reply.status(204).send();
    }
  });
}
