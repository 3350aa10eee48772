import { spawn, type ChildProcess } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookEndpoint, sendTestEvent } from '@plinth/core/webhooks';
import { webhookDelivery } from '@plinth/db';
import { startWebhookReceiver, useTestDatabase, type WebhookReceiver } from '@plinth/testing';
import { eventually, loopbackEgress, secrets, useWebhookWorker, workspaceWithOwner } from './setup';

// A worker process is killed (SIGKILL) while a delivery is in flight: the attempt it claimed must
// be retried by another worker, not lost. The queue's expiry is shortened so pg-boss notices the
// dead worker's job within seconds; the claim's lock (timeout + 15 s) lapses on its own schedule.
const testDb = useTestDatabase();
// This file's own worker starts only after the crash (see below), so the doomed process takes the job.
const survivor = useWebhookWorker(testDb, {
  queueOverrides: { expireInSeconds: 2, retryDelaySeconds: 1, retryBackoff: false },
  startPaused: true,
});

let receiver: WebhookReceiver;
let child: ChildProcess | undefined;
beforeAll(async () => {
  receiver = await startWebhookReceiver({ mode: 'timeout' });
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await receiver.close();
});

function startDoomedWorker(): Promise<ChildProcess> {
  const worker = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./crash-worker.ts', import.meta.url).pathname],
    {
      env: {
        ...process.env,
        CRASH_WORKER_DATABASE_URL: testDb.appUrl,
        CRASH_WORKER_JOBS_SCHEMA: testDb.env.jobsSchema,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    worker.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(worker);
    });
    worker.once('exit', (code) => reject(new Error(`the worker exited early (${code})`)));
  });
}

describe('a worker killed mid-delivery', () => {
  it('loses nothing: another worker delivers the attempt the dead one had claimed', async () => {
    const { actor } = await workspaceWithOwner(testDb);
    const { endpoint, secret } = await createWebhookEndpoint(
      { database: testDb.app, secrets, egress: loopbackEgress },
      actor,
      { url: receiver.url },
    );
    receiver.setSecrets({ current: secret });
    child = await startDoomedWorker();
    const { deliveryId } = await sendTestEvent({ database: testDb.app }, actor, endpoint.id);
    // The doomed worker has the request out (the receiver holds it unanswered): kill it now.
    await receiver.waitFor(() => receiver.received.length === 1, 30_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    const [claimed] = await testDb.owner.db
      .select()
      .from(webhookDelivery)
      .where(eq(webhookDelivery.id, deliveryId));
    expect(claimed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(claimed!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

    receiver.setMode('ok');
    await survivor.resume();
    const delivered = await eventually(async () => {
      const [row] = await testDb.owner.db
        .select()
        .from(webhookDelivery)
        .where(eq(webhookDelivery.id, deliveryId));
      return row?.status === 'succeeded' ? row : undefined;
    }, 60_000);
    expect(delivered.attempts).toBe(2);
    const webhookId = receiver.received[0]!.webhookId;
    expect(receiver.received.map((entry) => entry.webhookId)).toEqual([webhookId, webhookId]);
    expect(receiver.acknowledgedCount(webhookId)).toBe(1);
  }, 120_000);
});
