import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { createDatabase } from '@plinth/db';
import { startDevStripe, syncDevCatalog } from './dev-stripe';
import { openOwnerDatabase } from './local-database';
import { prepareDatabase } from './prepare-database';
import { seedDemoData } from './seed/seed-demo';
import { onShutdownSignal } from './signals';
import { startPlinth } from './start';

// `npm run dev`: one command from a fresh clone to a running app. Embedded Postgres unless
// DATABASE_URL is set, then migrations, demo data, the local fake Stripe unless STRIPE_SECRET_KEY is
// set, and the server with Next in development mode.
const loadedEnv = loadEnv();
const logger = createLogger({ level: loadedEnv.logLevel });
const owner = await openOwnerDatabase(loadedEnv, logger);
const stripe = await startDevStripe(loadedEnv, logger).catch(async (error: unknown) => {
  await owner.stop().catch(() => {});
  throw error;
});
const { env } = stripe;
try {
  await prepareDatabase(env, owner.ownerUrl);
  const seedConnection = createDatabase(appDatabaseUrl(env, owner.ownerUrl), { max: 2 });
  const summary = await seedDemoData(seedConnection).finally(() => seedConnection.close());
  await syncDevCatalog(env, owner.ownerUrl);
  const running = await startPlinth(env, owner.ownerUrl, { logger, dev: true });
  if (running.url) stripe.deliverTo(running.url);
  onShutdownSignal(async () => {
    await running.stop();
    await stripe.stop();
    await owner.stop();
  }, logger);
  printBanner(running.url ?? '(no HTTP on this role)', owner.embedded, summary.logins, summary.password);
} catch (error) {
  await stripe.stop().catch(() => {});
  await owner.stop().catch(() => {});
  throw error;
}

function printBanner(
  url: string,
  embedded: boolean,
  logins: { email: string; workspace: string; role: string }[],
  password: string,
) {
  const lines = [
    '',
    `  Plinth is running at ${url}`,
    `  Health:   ${url}/api/health`,
    `  Database: ${embedded ? `embedded Postgres in ${env.dataDir}/postgres (port ${env.embeddedPgPort})` : 'DATABASE_URL'}`,
    stripe.url
      ? `  Billing:  runs against the local fake Stripe at ${stripe.url} (no real charges; set STRIPE_SECRET_KEY for Stripe)`
      : `  Billing:  ${env.billing.stripeSecretKey ? 'Stripe (STRIPE_SECRET_KEY)' : 'off'}`,
    '',
    `  Demo people (password: ${password}), mail at ${url}/dev/mail:`,
    ...logins.map((login) => `    ${login.email.padEnd(28)} ${login.role.padEnd(7)} in ${login.workspace}`),
    '',
    '  Ctrl-C stops everything; the next run reuses the data.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
