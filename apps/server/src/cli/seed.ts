import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { createDatabase } from '@plinth/db';
import { openOwnerDatabase } from '../local-database';
import { prepareDatabase } from '../prepare-database';
import { seedDemoData } from '../seed/seed-demo';

// `npm run seed`: migrates if needed, then creates or refreshes the demo data. Idempotent.
const env = loadEnv();
const logger = createLogger({ level: env.logLevel });
if (env.isProduction) throw new Error('refusing to seed demo data in production');
const owner = await openOwnerDatabase(env, logger, { purpose: 'npm run seed', whenInUse: 'attach' });
try {
  await prepareDatabase(env, owner.ownerUrl);
  const database = createDatabase(appDatabaseUrl(env, owner.ownerUrl), { max: 2 });
  const summary = await seedDemoData(database, { authSecret: env.auth.secret }).finally(() =>
    database.close(),
  );
  logger.info(
    {
      workspaces: summary.workspaces,
      people: summary.logins.length,
      staff_totp_secret: summary.staffTotpSecret,
    },
    'demo data seeded (staff sign in with a TOTP code from the dev-only secret staff_totp_secret)',
  );
} finally {
  await owner.stop();
}
