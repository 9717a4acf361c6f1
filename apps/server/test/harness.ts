import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AccountType } from '@souk/contracts/identity';
import type { Locale } from '@souk/contracts/locales';
import { inject } from 'vitest';
import { loadConfig } from '../src/platform/config/config.ts';
import { type Runtime, startRuntime } from '../src/platform-runtime.ts';
import { createFactories } from '../src/seed/factories.ts';
import { createPostgresFromTemplate, dropPostgresDatabase, restorePglite } from './template-database.ts';

export interface TestApp {
  app: Runtime['app'];
  runtime: Runtime;
  factories: ReturnType<typeof createFactories>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  webBuildDir?: string;
}

let pgliteTemplate: Uint8Array | undefined;

/**
 * A whole platform on a fresh copy of the migrated template database (PGlite, or PostgreSQL
 * when the run says so). Use `app.inject` for HTTP; `runtime.services` for direct calls.
 */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'souk-test-'));
  const driver = inject('testDatabase');
  let databaseUrl: string | undefined;
  let pglite: Awaited<ReturnType<typeof restorePglite>> | undefined;
  if (driver === 'postgres') {
    databaseUrl = await createPostgresFromTemplate(inject('postgresAdminUrl'), inject('postgresTemplateName'));
  } else {
    pgliteTemplate ??= new Uint8Array(readFileSync(inject('pgliteTemplatePath')));
    pglite = await restorePglite(pgliteTemplate);
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
    PUBLIC_URL: 'http://localhost:3000',
    SEED_DEMO_DATA: 'false',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
    SHUTDOWN_DRAIN_MS: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '4' } : {}),
    ...options.env,
  });
  const runtime = await startRuntime({
    config,
    logger: false,
    database: pglite,
    migrate: false,
    webBuildDir: options.webBuildDir,
    jobPollingIntervalSeconds: 0.5,
  });
  await runtime.app.ready();
  return {
    app: runtime.app,
    runtime,
    factories: createFactories(Math.floor(Math.random() * 1_000_000)),
    async close() {
      await runtime.stop();
      if (databaseUrl) await dropPostgresDatabase(inject('postgresAdminUrl'), databaseUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** Value for a `cookie` request header carrying the user's session. */
  cookie: string;
}

/** Creates a user through the identity service and signs them in through the real endpoint. */
export async function createTestUser(
  test: Pick<TestApp, 'app' | 'runtime' | 'factories'>,
  overrides: { role?: 'admin' | 'user'; accountType?: AccountType | null; locale?: Locale | null } = {},
): Promise<TestUser> {
  const input = test.factories.user(overrides);
  const user = await test.runtime.services.identity.users.create(input);
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: test.runtime.config.PUBLIC_URL },
    payload: { email: input.email, password: input.password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { id: user.id, email: user.email, password: input.password, cookie };
}

/** Polls until `check` passes or the time is up; for effects of background jobs. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw lastError;
}
