// `npm start`: installs what is missing, builds the web app if needed, then runs the platform
// on its embedded defaults (PGlite, outbox mail, sandbox gateways) with demo data.
import { spawn } from 'node:child_process';
import { ensureDependencies, ensureWebBuild, root } from './lib.mjs';

ensureDependencies();
const buildCode = await ensureWebBuild();
if (buildCode !== 0) process.exit(buildCode);

const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
