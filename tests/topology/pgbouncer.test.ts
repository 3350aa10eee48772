import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@plinth/db';
import { APP_ROLE } from '@plinth/db/constants';
import { rejectionOf, useTestDatabase } from '@plinth/testing';
import { scratchDir, startPgBouncer, type PgBouncer } from './cluster';

const testDb = useTestDatabase();
const scratch = scratchDir('pgbouncer');
let bouncer: PgBouncer;
let pooledUrl: string;
const pools: Database[] = [];

beforeAll(async () => {
  const server = new URL(testDb.ownerUrl);
  const password = new URL(testDb.appUrl).password;
  bouncer = await startPgBouncer({
    serverHost: server.hostname,
    serverPort: Number(server.port),
    users: { [APP_ROLE]: decodeURIComponent(password) },
    // Fewer server connections than clients: statements of one client move between them.
    poolSize: 2,
    dir: scratch.dir,
  });
  pooledUrl = bouncer.url(APP_ROLE, decodeURIComponent(password), testDb.name);
});

afterAll(async () => {
  for (const pool of pools) await pool.close();
  await bouncer?.stop();
  scratch.remove();
});

function pool(preparedStatements: boolean): Database {
  const database = createDatabase(pooledUrl, { max: 8, preparedStatements });
  pools.push(database);
  return database;
}

/** The shape of the app's hot queries (`{ name, text }`), from many clients at once, `rounds` times. */
async function namedQueries(database: Database, rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      Array.from({ length: 8 }, async (_, n) => {
        const { rows } = await database.pool.query({
          name: 'plinth_topology_probe',
          text: 'select $1::int + 1 as next',
          values: [n],
        });
        expect(rows).toEqual([{ next: n + 1 }]);
      }),
    );
  }
}

describe('the app pool behind PgBouncer in transaction mode', () => {
  it('loses named statements between server connections when they are left on', async () => {
    const error = await rejectionOf(namedQueries(pool(true), 50));
    // 26000: "prepared statement … does not exist" (prepared on another server connection);
    // 42P05: "… already exists" (another client prepared it on this one).
    expect((error as { code?: string }).code).toMatch(/^(26000|42P05)$/);
  });

  it('runs the same queries unnamed with preparedStatements: false (DATABASE_PREPARED_STATEMENTS=false)', async () => {
    await namedQueries(pool(false), 50);
  });
});
