import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { openOwnerDatabase } from '../local-database';
import { prepareDatabase } from '../prepare-database';

// `npm run db:migrate`: migrations, job queues, RLS and grants, as the owner role.
const env = loadEnv();
const logger = createLogger({ level: env.logLevel });
const owner = await openOwnerDatabase(env, logger, { purpose: 'npm run db:migrate', whenInUse: 'attach' });
try {
  await prepareDatabase(env, owner.ownerUrl);
  logger.info('database migrated');
} finally {
  await owner.stop();
}
