import 'dotenv/config';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../platform/config/config.ts';
import { startRuntime } from '../platform-runtime.ts';

/**
 * `npm run create-admin -- --email ops@souk.ma --name "Ops" --password "…"`: the only way to make
 * a platform admin (sign-up never can). On PGlite, stop the server first.
 */
const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
});
const input = z
  .object({ email: z.email(), name: z.string().min(2).max(120), password: z.string().min(10).max(200) })
  .safeParse(values);
if (!input.success) {
  process.stderr.write(
    `Usage: npm run create-admin -- --email <email> --name <name> --password <10+ characters>\n${input.error.issues
      .map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`)
      .join('\n')}\n`,
  );
  process.exit(1);
}
const config = loadConfig(process.env);
const runtime = await startRuntime({ config: { ...config, ROLE: 'worker' }, logger: false });
try {
  if (await runtime.services.identity.users.findByEmail(input.data.email)) {
    process.stderr.write(`An account already uses ${input.data.email}.\n`);
    process.exitCode = 1;
  } else {
    const admin = await runtime.services.identity.users.create({ ...input.data, role: 'admin', accountType: null });
    await runtime.services.identity.audit.record({
      action: 'role_changed',
      targetId: admin.id,
      details: { to: 'admin', via: 'cli' },
    });
    process.stdout.write(`Admin created: ${admin.email}\n`);
  }
} finally {
  await runtime.stop();
}
