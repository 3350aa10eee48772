import { appDatabaseUrl, loadEnv, type Env } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { createDatabase } from '@plinth/db';
import { startDevStorage, type DevStorage } from './dev-storage';
import { startDevStripe, syncDevCatalog, type DevStripe } from './dev-stripe';
import { openOwnerDatabase, type OwnerDatabase } from './local-database';
import { prepareDatabase } from './prepare-database';
import { seedDemoData } from './seed/seed-demo';
import { onShutdownSignal } from './signals';
import { startPlinth, type RunningPlinth } from './start';
import { WEB_DIR } from './next-handler';
import { assertHttpPortFree, assertWebBuild, StartupRefusal } from './startup-checks';

// `npm run dev`: one command from a fresh clone to a running app. Embedded Postgres unless
// DATABASE_URL is set, then migrations, demo data, the local fake Stripe unless STRIPE_SECRET_KEY is
// set, and the server with Next in development mode (or serving the production build of the pages,
// DEV_SERVE_BUILD=true, which is what the browser tests run against).
//
// It never runs on someone else's database: the HTTP port is checked before anything else, and the
// embedded cluster must prove it is this data directory's own (a second run on the same data is
// refused; a taken Postgres port is named). If Postgres dies under it, it stops with an error
// rather than serving without a database. Every failure to start exits non-zero: Next's own
// uncaughtException handler would otherwise keep a half-started process alive.
const loadedEnv = loadEnv();
const logger = createLogger({ level: loadedEnv.logLevel });

let owner: OwnerDatabase | undefined;
let stripe: DevStripe | undefined;
let storage: DevStorage | undefined;
let running: RunningPlinth | undefined;
let exiting = false;

async function stopEverything(): Promise<void> {
  await running?.stop();
  await stripe?.stop();
  await storage?.stop();
  await owner?.stop();
}

/** Stops what has started (bounded: a dead database must not hold the exit) and exits with `code`. */
function exitWith(code: number): void {
  if (exiting) return;
  exiting = true;
  const force = setTimeout(() => process.exit(code), loadedEnv.shutdownTimeoutMs + 5_000);
  force.unref();
  void stopEverything()
    .catch((error: unknown) => logger.error({ err: error }, 'stopping after a failure failed'))
    .finally(() => process.exit(code));
}

try {
  await assertHttpPortFree(loadedEnv);
  assertWebBuild(loadedEnv, WEB_DIR);
  owner = await openOwnerDatabase(loadedEnv, logger, {
    purpose: 'npm run dev',
    onUnexpectedExit: () => {
      logger.error('stopping the dev server: it cannot run without its database (run npm run dev again)');
      exitWith(1);
    },
  });
  stripe = await startDevStripe(loadedEnv, logger);
  storage = await startDevStorage(stripe.env, logger);
  const { env } = storage;
  await prepareDatabase(env, owner.ownerUrl);
  const seedConnection = createDatabase(appDatabaseUrl(env, owner.ownerUrl), { max: 2 });
  const summary = await seedDemoData(seedConnection, { authSecret: env.auth.secret }).finally(() =>
    seedConnection.close(),
  );
  await syncDevCatalog(env, owner.ownerUrl);
  running = await startPlinth(env, owner.ownerUrl, { logger, dev: !env.devServeBuild });
  if (running.url) stripe.deliverTo(running.url);
  onShutdownSignal(stopEverything, logger);
  printBanner(env, running.url ?? '(no HTTP on this role)', owner, stripe, storage, summary);
} catch (error) {
  if (error instanceof StartupRefusal) {
    logger.error(error.message);
    process.stderr.write(`\n  npm run dev did not start:\n  ${error.message.replaceAll('\n', '\n  ')}\n\n`);
  } else {
    logger.error({ err: error }, 'npm run dev failed to start');
  }
  exitWith(1);
}

function printBanner(
  env: Env,
  url: string,
  database: OwnerDatabase,
  devStripe: DevStripe,
  devStorage: DevStorage,
  summary: {
    logins: { email: string; workspace: string; role: string }[];
    password: string;
    staffTotpSecret?: string;
  },
) {
  const lines = [
    '',
    `  Plinth is running at ${url}`,
    `  Health:   ${url}/api/health`,
    `  Database: ${database.embedded ? `embedded Postgres in ${env.dataDir}/postgres (port ${database.port})` : 'DATABASE_URL'}`,
    ...(database.passwordFile
      ? [
          `  psql:     psql "postgres://postgres:$(cat ${database.passwordFile})@127.0.0.1:${database.port}/plinth"`,
        ]
      : []),
    devStripe.url
      ? `  Billing:  runs against the local fake Stripe at ${devStripe.url} (no real charges; set STRIPE_SECRET_KEY for Stripe)`
      : `  Billing:  ${env.billing.stripeSecretKey ? 'Stripe (STRIPE_SECRET_KEY)' : 'off'}`,
    devStorage.url
      ? `  Files:    local S3 server at ${devStorage.url} (bucket ${env.storage.bucket}, data in ${env.dataDir}/s3; set S3_ENDPOINT for real storage)`
      : `  Files:    ${env.storage.endpoint} (bucket ${env.storage.bucket})`,
    '',
    `  Demo people (password: ${summary.password}), mail at ${url}/dev/mail:`,
    ...summary.logins.map(
      (login) => `    ${login.email.padEnd(28)} ${login.role.padEnd(7)} in ${login.workspace}`,
    ),
    ...(summary.staffTotpSecret
      ? [
          `  Staff sign-in asks a TOTP code (the staff console needs 2FA): add the dev-only secret`,
          `    ${summary.staffTotpSecret} to an authenticator app (README: Staff console).`,
        ]
      : []),
    '',
    '  Ctrl-C stops everything; the next run reuses the data.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
