import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadEnv } from '@plinth/core/env';
import { ensureDatabaseExists, startEmbeddedPostgres, withDatabaseName } from '@plinth/db/admin';
import { prepareDatabase } from '../apps/server/src/prepare-database';
import type { PlinthTestContext } from '@plinth/testing';

/**
 * Once per `npm test`: a Postgres server (DATABASE_URL's, or an embedded one in a temporary
 * directory) and a template database migrated exactly like production. Each test file then clones
 * the template (CREATE DATABASE … TEMPLATE), which takes milliseconds and shares nothing.
 */
export default async function setup(project: TestProject) {
  const env = loadEnv();
  let serverUrl = env.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(tmpdir(), 'plinth-test-pg-'));
    // Thrown away at the end of the run: no fsync or synchronous commit to wait on (ADR 0025).
    const cluster = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'data'),
      port: 0,
      disposable: true,
    });
    serverUrl = cluster.url;
    stopEmbedded = () => cluster.stop();
  }
  const templateName = `plinth_template_${process.pid}`;
  await dropDatabase(serverUrl, templateName);
  await ensureDatabaseExists(serverUrl, templateName);
  await prepareDatabase(env, withDatabaseName(serverUrl, templateName));

  // Every test database of this run starts with this (useTestDatabase).
  const databasePrefix = `plinth_test_${process.pid}_`;
  const context: PlinthTestContext = {
    serverUrl,
    templateName,
    databasePrefix,
    appDbPassword: env.appDbPassword,
  };
  project.provide('plinthTest', context);

  return async () => {
    // A file's database is dropped while the next file runs, and each worker clones one ahead for
    // its next file (useTestDatabase): the last of those are still here when the workers end.
    await dropRunDatabases(serverUrl, databasePrefix).catch(() => {});
    await dropDatabase(serverUrl, templateName).catch(() => {});
    await stopEmbedded?.();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
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

async function dropRunDatabases(serverUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'select datname as name from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { name } of rows) await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
