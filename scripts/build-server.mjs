// Bundles the server into apps/server/dist/main.js. Loading one file instead of thousands of
// modules (and no TypeScript transform at start) is most of what makes the boot fast.

import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

export async function buildServer() {
  await build({
    entryPoints: [
      path.join(root, 'apps/server/src/main.ts'),
      path.join(root, 'apps/server/src/cli/seed.ts'),
      path.join(root, 'apps/server/src/cli/create-admin.ts'),
    ],
    outdir: path.join(root, 'apps/server/dist'),
    entryNames: '[name]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    // These read files that ship next to their own code (WASM, UI assets): they stay packages.
    external: ['@electric-sql/pglite', '@fastify/swagger-ui', 'pg-native'],
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildServer();
  console.log('Server bundled into apps/server/dist/');
}
