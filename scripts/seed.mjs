// `npm run seed`: adds the demo accounts that are missing; `node scripts/seed.mjs create-admin
// --email … --name … --password …` creates a platform admin. Stop the server first on PGlite.
import { ensureDependencies, ensureServerBuild, root, run } from './lib.mjs';

ensureDependencies();
const code = await ensureServerBuild();
if (code !== 0) process.exit(code);
const [command, ...args] = process.argv.slice(2);
const entry = command === 'create-admin' ? 'apps/server/dist/create-admin.js' : 'apps/server/dist/seed.js';
process.exit(await run(process.execPath, ['--enable-source-maps', entry, ...args], { cwd: root }));
