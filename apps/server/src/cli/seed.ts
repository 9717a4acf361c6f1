import 'dotenv/config';
import { loadConfig } from '../platform/config/config.ts';
import { startRuntime } from '../platform-runtime.ts';
import { seedDemoData } from '../seed/seed-demo.ts';

/** `npm run seed`: adds the demo accounts that are missing (the server must be stopped on PGlite). */
const config = loadConfig(process.env);
const runtime = await startRuntime({ config: { ...config, ROLE: 'worker' }, logger: false });
try {
  const result = await seedDemoData(runtime.services);
  process.stdout.write(`Demo data: ${result.created} account(s) created; password for all: ${result.password}\n`);
  for (const account of result.accounts) process.stdout.write(`  ${account.label.padEnd(12)} ${account.email}\n`);
} finally {
  await runtime.stop();
}
