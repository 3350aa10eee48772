import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { createDatabase } from '@plinth/db';
import { openOwnerDatabase } from './local-database';
import { prepareDatabase } from './prepare-database';
import { seedDemoData } from './seed/seed-demo';
import { onShutdownSignal } from './signals';
import { startPlinth } from './start';

// `npm run dev`: one command from a fresh clone to a running app. Embedded Postgres unless
// DATABASE_URL is set, then migrations, demo data, and the server with Next in development mode.
const env = loadEnv();
const logger = createLogger({ level: env.logLevel });
const owner = await openOwnerDatabase(env, logger);
try {
  await prepareDatabase(env, owner.ownerUrl);
  const seedConnection = createDatabase(appDatabaseUrl(env, owner.ownerUrl), { max: 2 });
  const summary = await seedDemoData(seedConnection).finally(() => seedConnection.close());
  const running = await startPlinth(env, owner.ownerUrl, { logger, dev: true });
  onShutdownSignal(async () => {
    await running.stop();
    await owner.stop();
  }, logger);
  printBanner(running.url ?? '(no HTTP on this role)', owner.embedded, summary.logins, summary.password);
} catch (error) {
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
    '',
    `  Demo people (password: ${password}), mail at ${url}/dev/mail:`,
    ...logins.map((login) => `    ${login.email.padEnd(28)} ${login.role.padEnd(7)} in ${login.workspace}`),
    '',
    '  Ctrl-C stops everything; the next run reuses the data.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
