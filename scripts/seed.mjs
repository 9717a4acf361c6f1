// `npm run seed`: adds the demo accounts that are missing (stop the server first on PGlite).
import { ensureDependencies, ensureServerBuild, root, run } from './lib.mjs';

ensureDependencies();
const code = await ensureServerBuild();
if (code !== 0) process.exit(code);
process.exit(await run(process.execPath, ['--enable-source-maps', 'apps/server/dist/seed.js'], { cwd: root }));
