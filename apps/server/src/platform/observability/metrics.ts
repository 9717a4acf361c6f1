import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { JobRunner } from '../jobs/job-runner.ts';

export interface Metrics {
  registry: Registry;
  /** Records an answer given outside Fastify's hooks (the front door), under the same histogram. */
  observeHttp(method: string, route: string, status: number, seconds: number): void;
}

/** Prometheus metrics: HTTP latency, job outcomes and queue depth, plus Node's defaults. */
export function registerMetrics(app: FastifyInstance, jobs: JobRunner | undefined): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    httpDuration.observe(
      {
        method: request.method,
        // The route pattern, not the raw URL, keeps label cardinality bounded.
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  // One labelled child per (method, route, status): the front door observes thousands a second.
  const children = new Map<string, Histogram.Internal<'method' | 'route' | 'status'>>();
  const observeHttp = (method: string, route: string, status: number, seconds: number) => {
    const key = `${method} ${route} ${status}`;
    let child = children.get(key);
    if (!child) {
      child = httpDuration.labels({ method, route, status: String(status) });
      children.set(key, child);
    }
    child.observe(seconds);
  };

  if (jobs) {
    new Counter({
      name: 'jobs_processed_total',
      help: 'Job attempts processed by this process, by queue and outcome',
      labelNames: ['queue', 'outcome'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [queue, counts] of jobs.processedCounts()) {
          this.inc({ queue, outcome: 'completed' }, counts.completed);
          this.inc({ queue, outcome: 'failed' }, counts.failed);
        }
      },
    });
    new Gauge({
      name: 'job_queue_depth',
      help: 'Jobs per queue and state (ready, active, deferred, failed)',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        const depths = await jobs.depths().catch(() => []);
        for (const depth of depths) {
          this.set({ queue: depth.queue, state: 'ready' }, depth.ready);
          this.set({ queue: depth.queue, state: 'active' }, depth.active);
          this.set({ queue: depth.queue, state: 'deferred' }, depth.deferred);
          this.set({ queue: depth.queue, state: 'failed' }, depth.failed);
        }
      },
    });
  }

  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return { registry, observeHttp };
}
