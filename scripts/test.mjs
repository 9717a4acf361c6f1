// `npm test`: every check and every test — lint, types, unit and integration tests on PGlite,
// the integration tests again on PostgreSQL when DATABASE_URL is set, then browser tests.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { ensureDependencies, ensureServerBuild, ensureWebBuild, root, run } from './lib.mjs';

ensureDependencies();
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function step(name, code) {
  if (code !== 0) {
    lines.push(`${name}: FAILED`);
    finish(code);
  }
}

function finish(code) {
  console.log('\n── Summary ──────────────────────────────');
  for (const line of lines) console.log(line);
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

async function vitest(label, args, env = {}) {
  const report = path.join(root, '.tmp', `vitest-${label.replace(/\W+/g, '-').toLowerCase()}.json`);
  rmSync(report, { force: true });
  const code = await run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...args],
    {
      env: { ...process.env, ...env },
    },
  );
  try {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests;
    totals.skipped += result.numPendingTests + result.numTodoTests;
    lines.push(
      `${label}: ${result.numTotalTests} tests (${result.numPassedTests} passed, ${result.numFailedTests} failed)`,
    );
  } catch {
    lines.push(`${label}: no report`);
  }
  step(label, code);
}

step('lint', await run('npx', ['biome', 'check', '.']));
step('contracts types', await run('npx', ['tsc', '-p', 'packages/contracts']));
step('server types', await run('npx', ['tsc', '-p', 'apps/server']));
step('web types', await run('npm', ['run', 'typecheck', '-w', '@souk/web']));
lines.push('lint and types: ok');

await vitest('PGlite (unit + integration)', [], { TEST_DATABASE: 'pglite' });
if (process.env.DATABASE_URL) {
  await vitest('PostgreSQL (integration)', [], { TEST_DATABASE: 'postgres' });
} else {
  lines.push('PostgreSQL (integration): skipped, DATABASE_URL is not set');
}

const node24 = process.env.NODE24_BIN;
if (node24) {
  const node24Dir = path.dirname(node24);
  const version = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim();
  await vitest(`Node ${version} (unit + integration, PGlite)`, [], {
    TEST_DATABASE: 'pglite',
    PATH: `${node24Dir}${path.delimiter}${process.env.PATH}`,
  });
} else {
  lines.push('Node 24: skipped, NODE24_BIN is not set (.ci/run sets it)');
}

step('web build', await ensureWebBuild());
step('server bundle', await ensureServerBuild());
const chromium = ensureChromium();
await vitest('Browser (Playwright + Chromium)', ['--config', 'e2e/vitest.config.ts'], { CHROME_PATH: chromium });
finish(totals.failed > 0 ? 1 : 0);
