import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { prepareDatabase } from './prepare-database';
import { onShutdownSignal } from './signals';
import { startPlinth } from './start';

// Production entry point: `npm start`. Requires DATABASE_URL (loadEnv refuses the embedded one).
const env = loadEnv();
const logger = createLogger({ level: env.logLevel });
if (!env.databaseUrl) throw new Error('DATABASE_URL is required');
if (env.role !== 'web') await prepareDatabase(env, env.databaseUrl);
const running = await startPlinth(env, env.databaseUrl, { logger, dev: false });
onShutdownSignal(() => running.stop(), logger);
