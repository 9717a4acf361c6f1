import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * A fresh clone has no node_modules: install the versions the lockfile pins. (`npm install`,
 * not `npm ci`: see .ci/run for why.)
 */
export function ensureDependencies() {
  if (existsSync(path.join(root, 'node_modules/.package-lock.json'))) return;
  console.log('Installing dependencies…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function isFresh(output, sources) {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  return built > Math.max(...sources.map(newestMtime));
}

/** Builds the web app when its build is missing or older than its sources. */
export async function ensureWebBuild() {
  const sources = [path.join(root, 'apps/web/app'), path.join(root, 'packages/contracts/src')];
  if (isFresh(path.join(root, 'apps/web/build/server/index.js'), sources)) return 0;
  console.log('Building the web app…');
  return run('npm', ['run', 'build', '-w', '@souk/web']);
}

/** Bundles the server when its bundle is missing or older than its sources or migrations. */
export async function ensureServerBuild() {
  const sources = ['apps/server/src', 'apps/server/drizzle', 'packages/contracts/src'].map((dir) =>
    path.join(root, dir),
  );
  if (isFresh(path.join(root, 'apps/server/dist/main.js'), sources)) return 0;
  console.log('Bundling the server…');
  return run(process.execPath, [path.join(root, 'scripts/build-server.mjs')]);
}
