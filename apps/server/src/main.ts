import 'dotenv/config';
import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig, roles } from './platform/config/config.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { DatabaseUnreachableError } from './platform/db/database.ts';
import { createLogger } from './platform/observability/logger.ts';
import { startRuntime } from './platform-runtime.ts';
import { seedDemoDataIfEmpty } from './seed/seed-demo.ts';
import { resolveWebBuildDir } from './web/ssr-plugin.ts';

function roleFromArgs(argv: string[]): string | undefined {
  const flag = argv.find((arg) => arg.startsWith('--role='));
  return flag?.slice('--role='.length);
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    const role = roleFromArgs(process.argv);
    config = loadConfig({ ...process.env, ...(role ? { ROLE: role } : {}) });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable. Roles: ${roles.join(', ')}.\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);

  let runtime: Awaited<ReturnType<typeof startRuntime>>;
  try {
    runtime = await startRuntime({ config, logger, webBuildDir: resolveWebBuildDir(config.WEB_BUILD_DIR) });
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof DatabaseUnreachableError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS + 500, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'stopping after an unexpected error');
    else logger.info({ signal }, 'stopping: draining requests and jobs');
    await runtime.stop();
  });

  const demo = config.SEED_DEMO_DATA && config.ROLE !== 'web' ? await seedDemoDataIfEmpty(runtime.services) : null;

  if (config.ROLE !== 'worker') {
    await runtime.app.listen({ port: config.PORT, host: config.HOST });
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
  const lines = [
    '',
    `  Souk is running (${config.ROLE} role, ${runtime.database.driver} database) in ${seconds}s`,
    config.ROLE !== 'worker' ? `  → ${config.PUBLIC_URL}     API reference: ${config.PUBLIC_URL}/api/docs` : '',
  ];
  if (demo) {
    lines.push(`  Demo accounts (password: ${demo.password}):`);
    for (const account of demo.accounts) lines.push(`    ${account.label.padEnd(12)} ${account.email}`);
  }
  process.stdout.write(`${lines.filter(Boolean).join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Souk failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
