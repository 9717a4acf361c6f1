// `npm start`: installs what is missing, builds the web app if needed, then runs the platform
// on its embedded defaults (PGlite, outbox mail, sandbox gateways) with demo data.
import { spawn } from 'node:child_process';
import { ensureDependencies, ensureServerBuild, ensureWebBuild, root } from './lib.mjs';

ensureDependencies();
for (const build of [ensureWebBuild, ensureServerBuild]) {
  const code = await build();
  if (code !== 0) process.exit(code);
}

const child = spawn(process.execPath, ['--enable-source-maps', 'apps/server/dist/main.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
