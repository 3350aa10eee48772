import { syncCatalog } from '@plinth/core/billing';
import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { createDatabase } from '@plinth/db';
import { openOwnerDatabase } from '../local-database';
import { prepareDatabase } from '../prepare-database';
import { stripeFromEnv } from '../wiring';

// `npm run billing:sync`: pushes the plan catalog (packages/core/src/billing/catalog.ts) to Stripe —
// products, prices by lookup_key, the billing portal configuration — and mirrors it locally.
// Idempotent: run it on every deploy; a second run creates nothing.
const env = loadEnv();
const logger = createLogger({ level: env.logLevel });
const stripe = stripeFromEnv(env);
if (!stripe) {
  logger.error('STRIPE_SECRET_KEY is not set: nothing to sync (see .env.example, Billing)');
  process.exit(1);
}
const owner = await openOwnerDatabase(env, logger, { purpose: 'npm run billing:sync', whenInUse: 'attach' });
try {
  // The embedded development database may be brand new; a real one is migrated by `db:migrate`.
  if (owner.embedded) await prepareDatabase(env, owner.ownerUrl);
  const database = createDatabase(appDatabaseUrl(env, owner.ownerUrl), { max: 2 });
  try {
    const result = await syncCatalog({ database, stripe, logger, appUrl: env.appUrl });
    logger.info(result, 'billing catalog synced');
  } finally {
    await database.close();
  }
} finally {
  await owner.stop();
}
