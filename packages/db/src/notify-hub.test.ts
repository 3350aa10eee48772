import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rejectionOf, useTestDatabase } from '@plinth/testing';
import { createDatabase, type Database } from './client';
import { createNotifyHub, publishNotification, type NotifyHub } from './notify-hub';

// One listening connection per node, fed by NOTIFY sent at commit through the ordinary pool.

const testDb = useTestDatabase();
const hubs: NotifyHub[] = [];
const databases: Database[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
  await Promise.all(databases.splice(0).map((database) => database.close()));
});

function hub(name: string): NotifyHub {
  const created = createNotifyHub({
    connectionString: testDb.appUrl,
    applicationName: name,
    retryMs: { min: 20, max: 200 },
  });
  hubs.push(created);
  return created;
}

function pool(): Database {
  const database = createDatabase(testDb.appUrl, { max: 2 });
  databases.push(database);
  return database;
}

/** Collects payloads and lets a test wait for the next one (no wall-clock bound: the test times out). */
function inbox() {
  const received: string[] = [];
  const waiters: Array<() => void> = [];
  return {
    received,
    handler: (payload: string) => {
      received.push(payload);
      for (const wake of waiters.splice(0)) wake();
    },
    async until(count: number) {
      while (received.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

describe('notify hub', () => {
  it('delivers a committed notification to subscribers on every node, and nothing of a rolled-back one', async () => {
    const nodeA = hub('node-a');
    const nodeB = hub('node-b');
    const onA = inbox();
    const onB = inbox();
    await nodeA.subscribe('plinth.test', onA.handler);
    await nodeB.subscribe('plinth.test', onB.handler);
    const { db } = pool();

    await db
      .transaction(async (tx) => {
        await publishNotification(tx, 'plinth.test', 'rolled-back');
        throw new Error('abort');
      })
      .catch(() => undefined);
    await db.transaction(async (tx) => {
      await publishNotification(tx, 'plinth.test', 'committed');
    });
    // Notifications from one session arrive in commit order: the next one proves the first was not sent.
    await publishNotification(db, 'plinth.test', 'after');
    await onA.until(2);
    await onB.until(2);
    expect(onA.received).toEqual(['committed', 'after']);
    expect(onB.received).toEqual(['committed', 'after']);
  });

  it('holds one connection per node however many subscribers and channels it has', async () => {
    const node = hub('plinth-one-connection');
    const first = inbox();
    const second = inbox();
    await node.subscribe('plinth.one', first.handler);
    await node.subscribe('plinth.one', second.handler);
    await node.subscribe('plinth.two', second.handler);
    const { rows } = await testDb.owner.pool.query<{ count: string }>(
      "select count(*) from pg_stat_activity where application_name = 'plinth-one-connection'",
    );
    expect(Number(rows[0]!.count)).toBe(1);
    await publishNotification(pool().db, 'plinth.one', 'x');
    await first.until(1);
    await second.until(1);
    expect(first.received).toEqual(['x']);
    expect(second.received).toEqual(['x']);
  });

  it('stops delivering after unsubscribe, and UNLISTENs when the last subscriber leaves', async () => {
    const node = hub('node-unsub');
    const leaving = inbox();
    const staying = inbox();
    const leave = await node.subscribe('plinth.unsub', leaving.handler);
    await node.subscribe('plinth.marker', staying.handler);
    await leave();
    const { db } = pool();
    await publishNotification(db, 'plinth.unsub', 'unheard');
    await publishNotification(db, 'plinth.marker', 'marker');
    await staying.until(1);
    expect(leaving.received).toEqual([]);
    const { rows } = await testDb.owner.pool.query<{ pid: number }>(
      "select pid from pg_stat_activity where application_name = 'node-unsub'",
    );
    expect(rows).toHaveLength(1);
  });

  it('reconnects after its connection is killed, LISTENs again and tells subscribers to resync', async () => {
    const node = hub('node-resync');
    const received = inbox();
    let resyncs = 0;
    let resynced: () => void = () => undefined;
    const resyncedOnce = new Promise<void>((resolve) => (resynced = resolve));
    await node.subscribe('plinth.resync', received.handler, () => {
      resyncs += 1;
      resynced();
    });
    await testDb.owner.pool.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'node-resync'",
    );
    await resyncedOnce;
    await node.ready();
    expect(resyncs).toBe(1);
    await publishNotification(pool().db, 'plinth.resync', 'after-reconnect');
    await received.until(1);
    expect(received.received).toEqual(['after-reconnect']);
  });

  it('refuses channel names it would have to escape and payloads NOTIFY would reject', async () => {
    const node = hub('node-names');
    expect(
      ((await rejectionOf(node.subscribe('Bad"; drop table x', () => undefined))) as Error).message,
    ).toMatch(/invalid notification channel/);
    const { db } = pool();
    expect(
      ((await rejectionOf(publishNotification(db, 'plinth.big', 'x'.repeat(8_000)))) as Error).message,
    ).toMatch(/exceeds/);
    const { rows } = await db.execute<{ ok: number }>(sql`select 1 as ok`);
    expect(rows[0]!.ok).toBe(1);
  });
});
