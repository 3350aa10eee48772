import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from './dev-server';

// `npm run dev` on a fresh machine: embedded Postgres, migrations, seed, one URL; Ctrl-C stops
// everything; a second run reuses the data. The API role keeps this fast (no Next compile); the
// browser test covers pages.
describe('npm run dev', () => {
  let first: DevServer | undefined;
  afterAll(async () => {
    if (first) await rm(first.dataDir, { recursive: true, force: true });
  });

  it('starts from nothing, prints the URL and demo people, and stops cleanly on Ctrl-C', async () => {
    first = await startDevServer({ role: 'api' });
    expect(first.output()).toContain('olivia.owner@acme.test');
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });

    expect(await first.interrupt()).toBe(true);
    expect(first.output()).not.toMatch(/"level":"(error|fatal)"/);
    // Postgres is gone too: it removes its pid file on a clean shutdown.
    expect(existsSync(path.join(first.dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('a second run reuses the same data', async () => {
    const second = await startDevServer({ role: 'api', dataDir: first!.dataDir });
    try {
      const health = await fetch(`${second.url}/api/health`);
      expect(health.status).toBe(200);
      expect(second.output()).not.toContain('initdb');
    } finally {
      expect(await second.interrupt()).toBe(true);
    }
  });
});
