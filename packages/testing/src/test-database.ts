import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, type Database } from '@plinth/db';
import { withDatabaseName } from '@plinth/db/admin';
import { appDatabaseUrl, loadEnv, type Env } from '@plinth/core/env';

/** What the global setup hands every test file. */
export interface PlinthTestContext {
  serverUrl: string;
  templateName: string;
  /** How this run's test databases are named, so that its teardown finds every one left. */
  databasePrefix: string;
  appDbPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    plinthTest: PlinthTestContext;
  }
}

export interface TestDatabase {
  readonly name: string;
  /** Owner (migration) role URL: for arranging state the app could not, like breaking a policy. */
  readonly ownerUrl: string;
  /** The app role URL, the one the server uses. */
  readonly appUrl: string;
  readonly env: Env;
  /** Pool as the app role (RLS applies). */
  readonly app: Database;
  /** Pool as the owner role. */
  readonly owner: Database;
}

/**
 * Gives the calling test file a database of its own, cloned from the migrated template in
 * beforeAll and dropped in afterAll. Use the returned object inside tests (not at import time).
 */
export function useTestDatabase(envOverrides: Record<string, string> = {}): TestDatabase {
  const state: Partial<TestDatabase> = {};
  beforeAll(async () => {
    const context = inject('plinthTest');
    const name = await takeDatabase(context);
    const ownerUrl = withDatabaseName(context.serverUrl, name);
    const env = loadEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: ownerUrl,
      APP_DB_PASSWORD: context.appDbPassword,
      // /api/v1 limits far out of reach, so that sweeps and matrices never meet a 429; the rate-limit
      // tests opt back in with a scale of their own.
      API_RATE_LIMIT_SCALE: '1000',
      // Nodes a test starts pick up work at once: job workers poll at pg-boss's floor and the outbox
      // relay at its setting's floor, instead of production's 2 s and 1 s. Each mail, notification
      // and event a test waits for crosses one or both hops. A send in the test's process wakes the
      // workers of its queue (JobQueue), so the poll is left for retries, delayed jobs and the rest.
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      OUTBOX_RELAY_INTERVAL_MS: '50',
      ...envOverrides,
    });
    const appUrl = appDatabaseUrl(env, ownerUrl);
    Object.assign(state, {
      name,
      ownerUrl,
      appUrl,
      env,
      app: createDatabase(appUrl, { max: 5 }),
      owner: createDatabase(ownerUrl, { max: 2 }),
    });
  });
  afterAll(async () => {
    await state.app?.close();
    await state.owner?.close();
    // Dropped while the next file of this worker runs: nothing uses the database any more, and the
    // run's teardown drops whatever is left when the workers end (tests/global-setup.ts).
    if (state.name) void dropDatabase(inject('plinthTest').serverUrl, state.name).catch(() => {});
  });
  return new Proxy(state as TestDatabase, {
    get(target, property: string) {
      const value = target[property as keyof TestDatabase];
      if (value === undefined) throw new Error(`test database not ready: read "${property}" inside a test`);
      return value;
    },
  });
}

/**
 * A clone made ahead for the next file of this worker process. Files that do not mock modules
 * share a worker (ADR 0038), so this module outlives one file: while a file runs its tests, the
 * clone for the one after it is copied beside them, and that file starts without waiting for it.
 */
let spare: { template: string; name: Promise<string | undefined> } | undefined;

async function takeDatabase(context: PlinthTestContext): Promise<string> {
  const ready = spare?.template === context.templateName ? await spare.name : undefined;
  spare = undefined;
  const name = ready ?? (await cloneTemplate(context));
  const next = cloneTemplate(context).catch(() => undefined);
  spare = { template: context.templateName, name: next };
  return name;
}

async function cloneTemplate(context: PlinthTestContext): Promise<string> {
  const name = `${context.databasePrefix}${randomBytes(6).toString('hex')}`;
  await createFromTemplate(context.serverUrl, name, context.templateName);
  return name;
}

async function createFromTemplate(serverUrl: string, name: string, template: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    // Postgres refuses a template that another CREATE DATABASE is copying at the same moment
    // (55006); parallel test files retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database "${name}" template "${template}"`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  } finally {
    await client.end();
  }
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
