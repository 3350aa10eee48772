import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE } from '@plinth/db/constants';
import { rejectionOf, useTestDatabase } from '@plinth/testing';
import {
  assertPoolingFits,
  probeConnectionPooling,
  StartupRefusal,
} from '../../apps/server/src/startup-checks';
import { nodeCommand, REPO_ROOT, scratchDir, secret, startPgBouncer, type PgBouncer } from './cluster';

// The start check of `npm start` (apps/server/src/main.ts) against a real PgBouncer in each mode.
const testDb = useTestDatabase();
const scratch = scratchDir('pooler-mode');
const bouncers: Partial<Record<'session' | 'transaction' | 'statement', PgBouncer>> = {};
let password: string;

beforeAll(async () => {
  const server = new URL(testDb.ownerUrl);
  password = decodeURIComponent(new URL(testDb.appUrl).password);
  for (const poolMode of ['session', 'transaction', 'statement'] as const) {
    const dir = `${scratch.dir}/${poolMode}`;
    mkdirSync(dir, { mode: 0o755 });
    bouncers[poolMode] = await startPgBouncer({
      serverHost: server.hostname,
      serverPort: Number(server.port),
      users: { [APP_ROLE]: password },
      poolMode,
      dir,
    });
  }
});

afterAll(async () => {
  for (const bouncer of Object.values(bouncers)) await bouncer.stop();
  scratch.remove();
});

const through = (mode: 'session' | 'transaction' | 'statement') =>
  bouncers[mode]!.url(APP_ROLE, password, testDb.name);
const settings = (preparedStatements: boolean, appUrl?: string) => ({
  databasePreparedStatements: preparedStatements,
  databaseAppUrl: appUrl,
});

describe('the app role connection, probed at start', () => {
  it('tells a direct connection, and accepts it with named statements on or off', async () => {
    expect(await probeConnectionPooling(testDb.appUrl)).toEqual({ kind: 'direct' });
    for (const prepared of [true, false]) {
      expect(await assertPoolingFits(settings(prepared, testDb.appUrl), testDb.appUrl)).toEqual({
        kind: 'direct',
      });
    }
  });

  it('refuses PgBouncer in session mode, naming DATABASE_APP_URL, whatever DATABASE_PREPARED_STATEMENTS says', async () => {
    const url = through('session');
    expect(await probeConnectionPooling(url)).toEqual({ kind: 'session' });
    for (const prepared of [true, false]) {
      const refusal = await rejectionOf(assertPoolingFits(settings(prepared, url), url));
      expect(refusal).toBeInstanceOf(StartupRefusal);
      expect((refusal as Error).message).toMatch(
        /^DATABASE_APP_URL: the app role's connections go through a connection pooler in session mode .*pool_mode = transaction/,
      );
    }
    // Derived from the owner's URL (no DATABASE_APP_URL), the refusal names DATABASE_URL.
    const refusal = await rejectionOf(assertPoolingFits(settings(false), url));
    expect((refusal as Error).message).toMatch(/^DATABASE_URL: /);
  });

  it('accepts PgBouncer in transaction mode with DATABASE_PREPARED_STATEMENTS=false', async () => {
    const url = through('transaction');
    // PgBouncer 1.18 (Debian bookworm) does not carry named statements between server sessions.
    expect(await probeConnectionPooling(url)).toEqual({
      kind: 'transaction',
      namedStatementsSurvive: false,
    });
    expect(await assertPoolingFits(settings(false, url), url)).toEqual({
      kind: 'transaction',
      namedStatementsSurvive: false,
    });
  });

  it('refuses PgBouncer in transaction mode while named statements are on, naming DATABASE_PREPARED_STATEMENTS', async () => {
    const url = through('transaction');
    const refusal = await rejectionOf(assertPoolingFits(settings(true, url), url));
    expect(refusal).toBeInstanceOf(StartupRefusal);
    expect((refusal as Error).message).toMatch(
      /^DATABASE_PREPARED_STATEMENTS: DATABASE_APP_URL goes through a connection pooler in transaction mode .*Set DATABASE_PREPARED_STATEMENTS=false/,
    );
  });

  it('tells transaction mode the same way on a pool that other clients are using', async () => {
    const url = through('transaction');
    const busy = new pg.Pool({ connectionString: url, max: 6 });
    let running = true;
    const load = Array.from({ length: 6 }, async () => {
      while (running) await busy.query('select pg_sleep(0.002)');
    });
    try {
      for (let run = 0; run < 5; run++) {
        expect(await probeConnectionPooling(url)).toMatchObject({ kind: 'transaction' });
      }
      // Nodes of a deploy start together: their probes run at once, on the same busy pool.
      for (let run = 0; run < 3; run++) {
        const verdicts = await Promise.all(Array.from({ length: 5 }, () => probeConnectionPooling(url)));
        expect(verdicts.map((verdict) => verdict.kind)).toEqual(Array(5).fill('transaction'));
      }
    } finally {
      running = false;
      await Promise.all(load);
      await busy.end();
    }
  });

  it('tells transaction mode on a pool of one server connection (the probe waits for it, and says so)', async () => {
    const server = new URL(testDb.ownerUrl);
    const dir = `${scratch.dir}/one`;
    mkdirSync(dir, { mode: 0o755 });
    const tiny = await startPgBouncer({
      serverHost: server.hostname,
      serverPort: Number(server.port),
      users: { [APP_ROLE]: password },
      poolSize: 1,
      dir,
    });
    try {
      expect(await probeConnectionPooling(tiny.url(APP_ROLE, password, testDb.name))).toEqual({
        kind: 'transaction',
        namedStatementsSurvive: false,
      });
    } finally {
      await tiny.stop();
    }
  });

  it('refuses PgBouncer in statement mode, naming DATABASE_APP_URL', async () => {
    const url = through('statement');
    expect(await probeConnectionPooling(url)).toEqual({ kind: 'statement' });
    const refusal = await rejectionOf(assertPoolingFits(settings(false, url), url));
    expect((refusal as Error).message).toMatch(
      /^DATABASE_APP_URL: the app role's connections go through a connection pooler in statement mode/,
    );
  });
});

/** `npm start` as a worker (no HTTP, so it starts quickly): its exit code and its output. */
function startNode(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { command, args } = nodeCommand();
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NODE_ENV: 'test',
      PLINTH_ROLE: 'worker',
      MIGRATE_ON_START: 'false',
      AUTH_SECRET: secret(),
      MAIL_TRANSPORT: 'capture',
      DATABASE_URL: testDb.ownerUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code, output }));
    // A node that passed the check runs until told to stop.
    const started = setInterval(() => {
      if (output.includes('plinth started')) {
        clearInterval(started);
        child.kill('SIGTERM');
      }
    }, 100);
    child.once('exit', () => clearInterval(started));
  });
}

describe('npm start', () => {
  it('exits 1 before starting anything behind PgBouncer in session mode, naming DATABASE_APP_URL', async () => {
    const { code, output } = await startNode({
      DATABASE_APP_URL: through('session'),
      DATABASE_PREPARED_STATEMENTS: 'false',
    });
    expect(code).toBe(1);
    expect(output).toContain(
      "Plinth did not start:\n  DATABASE_APP_URL: the app role's connections go through a connection pooler in session mode",
    );
    expect(output).not.toContain('plinth started');
  });

  it('exits 1 behind PgBouncer in transaction mode without DATABASE_PREPARED_STATEMENTS=false, and starts with it', async () => {
    const refused = await startNode({ DATABASE_APP_URL: through('transaction') });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Plinth did not start:\n  DATABASE_PREPARED_STATEMENTS: ');

    const started = await startNode({
      DATABASE_APP_URL: through('transaction'),
      DATABASE_PREPARED_STATEMENTS: 'false',
    });
    expect(started.output).toContain('app role connection checked');
    expect(started.output).toContain('plinth started');
    expect(started.code).toBe(0);
  });
});
