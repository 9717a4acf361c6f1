import { defineConfig } from 'vitest/config';

const onlyIntegration = process.env.TEST_DATABASE === 'postgres';

/**
 * Unit tests (`*.test.ts`) and integration tests (`*.int.test.ts`) run on PGlite; with
 * TEST_DATABASE=postgres only the integration tests run again, on PostgreSQL.
 */
export default defineConfig({
  test: {
    include: onlyIntegration
      ? ['apps/server/**/*.int.test.ts']
      : ['apps/server/**/*.test.ts', 'packages/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/build/**'],
    globalSetup: ['apps/server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
