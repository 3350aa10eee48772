import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { prepareDatabase } from './prepare-database';
import { onShutdownSignal } from './signals';
import { startPlinth } from './start';
import {
  assertHttpPortFree,
  assertMigrationsNotAhead,
  assertPoolingFits,
  StartupRefusal,
} from './startup-checks';

// Production entry point: `npm start` (node apps/server/dist/main.js after `npm run build`).
// Requires DATABASE_URL (loadEnv refuses the embedded one).
const env = loadEnv();
const logger = createLogger({ level: env.logLevel });
if (!env.databaseUrl) throw new Error('DATABASE_URL is required');
try {
  await assertHttpPortFree(env);
  // The api and worker roles migrate (under an advisory lock) unless a separate step does
  // (MIGRATE_ON_START=false); every role refuses a database a newer release migrated.
  if (env.role !== 'web' && env.migrateOnStart) await prepareDatabase(env, env.databaseUrl);
  else await assertMigrationsNotAhead(env.databaseUrl);
  // A pooler in session or statement mode, or one that loses named statements while they are on:
  // refused here, not at the first concurrent requests (ADR 0021).
  const pooling = await assertPoolingFits(env, appDatabaseUrl(env, env.databaseUrl));
  logger.info({ pooling }, 'app role connection checked');
  const running = await startPlinth(env, env.databaseUrl, { logger, dev: false });
  onShutdownSignal(() => running.stop(), logger);
} catch (error) {
  if (!(error instanceof StartupRefusal)) throw error;
  // A refusal a person can act on: its message, no stack trace, exit code 1.
  logger.fatal({ refusal: error.message }, 'refusing to start');
  process.stderr.write(`\nPlinth did not start:\n  ${error.message}\n\n`);
  process.exit(1);
}
