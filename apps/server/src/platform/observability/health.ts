import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const healthSchema = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
const readySchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.record(z.string(), z.enum(['ok', 'failing'])),
});

/** /healthz says the process answers; /readyz says its database and job queue answer too. */
export function registerHealthRoutes(app: FastifyInstance, checks: ReadinessCheck[]): void {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: 'Liveness', response: { 200: healthSchema } },
    },
    async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: 'Readiness', response: { 200: readySchema, 503: readySchema } },
    },
    async (_request, reply) => {
      const results = await Promise.all(
        checks.map(async ({ name, check }) => {
          const outcome = await Promise.race([
            check().then(() => 'ok' as const),
            new Promise<'failing'>((resolve) => setTimeout(() => resolve('failing'), 2000).unref()),
          ]).catch(() => 'failing' as const);
          return [name, outcome] as const;
        }),
      );
      const ready = results.every(([, outcome]) => outcome === 'ok');
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'unavailable',
        checks: Object.fromEntries(results),
      });
    },
  );
}
