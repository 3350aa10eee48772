import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, webhookDelivery, webhookEndpoint, withTenant } from '@plinth/db';
import { emitEvent, eventEnvelopeSchema, isEventType } from '@plinth/core/events';
import { encodeId } from '@plinth/core/public-ids';
import { createProject, deleteProject, updateProject } from '@plinth/core/projects';
import { renameWorkspace } from '@plinth/core/tenancy';
import {
  createWebhookEndpoint,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhookEndpoint,
} from '@plinth/core/webhooks';
import { startWebhookReceiver, useTestDatabase, type WebhookReceiver } from '@plinth/testing';
import { eventually, loopbackEgress, secrets, useWebhookWorker, workspaceWithOwner } from './setup';

const testDb = useTestDatabase();
// The worker node of the file: relay, fan-out and delivery loops, running through every test.
useWebhookWorker(testDb);
const deps = () => ({ database: testDb.app, secrets, egress: loopbackEgress });
const db = () => ({ database: testDb.app });

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

async function endpointFor(actor: Parameters<typeof createWebhookEndpoint>[1], eventTypes?: string[]) {
  const { endpoint, secret } = await createWebhookEndpoint(deps(), actor, {
    url: receiver.url,
    ...(eventTypes ? { eventTypes: eventTypes as never } : {}),
  });
  return { endpoint, secret };
}

const deliveriesOf = (endpointId: string) =>
  testDb.owner.db.select().from(webhookDelivery).where(eq(webhookDelivery.endpointId, endpointId));

describe('outgoing webhook delivery', () => {
  it('delivers each committed domain event once, signed (verified by standardwebhooks), in its catalog shape', async () => {
    const { actor } = await workspaceWithOwner(testDb);
    const { endpoint, secret } = await endpointFor(actor);
    receiver.setSecrets({ current: secret });
    const project = await createProject(db(), actor, { name: 'Launch' });
    await updateProject(db(), actor, project.id, { name: 'Launch 2' });
    await deleteProject(db(), actor, project.id);
    await renameWorkspace(db(), actor, { name: 'Renamed' });
    const expected = ['project.created', 'project.updated', 'project.deleted', 'workspace.updated'];
    const mine = await eventually(async () => {
      const rows = await deliveriesOf(endpoint.id);
      return rows.length === 4 && rows.every((row) => row.status === 'succeeded') ? rows : undefined;
    });
    expect(mine.map((row) => row.eventType).sort()).toEqual([...expected].sort());
    for (const row of mine) {
      const copy = receiver.received.find((entry) => entry.body === row.body);
      expect(copy?.verifiedBy).toEqual(['current']);
      const parsed = JSON.parse(row.body) as { type: string };
      expect(isEventType(parsed.type)).toBe(true);
      // Every payload validates against the schema the OpenAPI document publishes for its type.
      expect(eventEnvelopeSchema(parsed.type as 'ping').safeParse(parsed).success).toBe(true);
    }
    const created = JSON.parse(mine.find((row) => row.eventType === 'project.created')!.body);
    expect(created.data.project).toMatchObject({ name: 'Launch', id: expect.stringMatching(/^proj_/) });
    expect(created.data.workspace_id).toMatch(/^ws_/);
  });

  it('sends nothing for a change that rolled back, and only subscribed types to an endpoint', async () => {
    const { actor } = await workspaceWithOwner(testDb);
    const { endpoint: onlyDeletes, secret } = await endpointFor(actor, ['project.deleted']);
    receiver.setSecrets({ current: secret });
    // An event emitted in a transaction that then rolls back is never written, so never sent.
    const rolledBack = withTenant(testDb.app, actor.workspaceId, actor, async (tx) => {
      await emitEvent(tx, actor, 'project.deleted', {
        project: { id: encodeId('proj', uuidv7()), name: 'never happened' },
      });
      throw new Error('the change failed after the event was emitted');
    });
    await expect(rolledBack).rejects.toThrow('the change failed');
    const project = await createProject(db(), actor, { name: 'Kept' });
    await deleteProject(db(), actor, project.id);
    const rows = await eventually(async () => {
      const found = await deliveriesOf(onlyDeletes.id);
      return found.length > 0 && found.every((row) => row.status === 'succeeded') ? found : undefined;
    });
    expect(rows.map((row) => row.eventType)).toEqual(['project.deleted']);
  });

  it('keeps retrying while the receiver is down, then delivers each event exactly once per webhook-id', async () => {
    const { actor } = await workspaceWithOwner(testDb);
    const { endpoint, secret } = await endpointFor(actor, ['project.created']);
    receiver.setSecrets({ current: secret });
    await receiver.stop();
    const names = ['a', 'b', 'c']; // the free plan's three projects
    for (const name of names) await createProject(db(), actor, { name });
    // Every delivery has failed at least once against the closed port.
    await eventually(async () => {
      const rows = await deliveriesOf(endpoint.id);
      return rows.length === names.length && rows.every((row) => row.attempts >= 2) ? rows : undefined;
    });
    await receiver.start();
    const rows = await eventually(async () => {
      const found = await deliveriesOf(endpoint.id);
      return found.every((row) => row.status === 'succeeded') ? found : undefined;
    });
    expect(rows).toHaveLength(names.length);
    for (const row of rows) {
      const webhookId = [...receiver.processed.values()].find((entry) => entry.body === row.body)?.webhookId;
      expect(webhookId).toMatch(/^msg_/);
      expect(receiver.acknowledgedCount(webhookId!)).toBe(1);
    }
    expect(rows.every((row) => row.error === null && row.responseStatus === 204)).toBe(true);
  });

  it('signs with both secrets during a rotation overlap, and with the new one only after it', async () => {
    const { actor } = await workspaceWithOwner(testDb);
    const { endpoint, secret: old } = await endpointFor(actor, ['ping']);
    const { secret: next } = await rotateWebhookSecret(deps(), actor, endpoint.id, { overlapSeconds: 3600 });
    receiver.setSecrets({ old, next });
    const during = await sendTestEvent(db(), actor, endpoint.id);
    const overlap = await eventually(async () => {
      const [row] = await testDb.owner.db
        .select()
        .from(webhookDelivery)
        .where(eq(webhookDelivery.id, during.deliveryId));
      return row?.status === 'succeeded' ? row : undefined;
    });
    const duringCopy = receiver.received.find((entry) => entry.body === overlap.body)!;
    expect(duringCopy.verifiedBy.sort()).toEqual(['next', 'old']);
    expect(duringCopy.signature.split(' ')).toHaveLength(2);

    // The overlap ends (as time would end it).
    await testDb.owner.db
      .update(webhookEndpoint)
      .set({ previousSecretExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(webhookEndpoint.id, endpoint.id));
    const after = await sendTestEvent(db(), actor, endpoint.id);
    const afterRow = await eventually(async () => {
      const [row] = await testDb.owner.db
        .select()
        .from(webhookDelivery)
        .where(eq(webhookDelivery.id, after.deliveryId));
      return row?.status === 'succeeded' ? row : undefined;
    });
    const afterCopy = receiver.received.find((entry) => entry.body === afterRow.body)!;
    expect(afterCopy.verifiedBy).toEqual(['next']);
    expect(afterCopy.signature.split(' ')).toHaveLength(1);
  });

  it('disables the endpoint on a 410, and sends it nothing more', async () => {
    const { actor } = await workspaceWithOwner(testDb);
    const gone = await startWebhookReceiver({ mode: 'gone' });
    try {
      const { endpoint, secret } = await createWebhookEndpoint(deps(), actor, { url: gone.url });
      gone.setSecrets({ current: secret });
      await sendTestEvent(db(), actor, endpoint.id);
      const row = await eventually(async () => {
        const [found] = await testDb.owner.db
          .select()
          .from(webhookEndpoint)
          .where(eq(webhookEndpoint.id, endpoint.id));
        return found && !found.enabled ? found : undefined;
      });
      expect(row.disabledReason).toBe('gone');
      const [delivery] = await deliveriesOf(endpoint.id);
      expect(delivery).toMatchObject({
        status: 'failed',
        responseStatus: 410,
        responseBody: 'gone',
        attempts: 1,
      });
      await createProject(db(), actor, { name: 'after gone' });
      // Once that event's fan-out has run (its outbox row published by the dispatcher), the
      // disabled endpoint still has only the ping.
      await eventually(async () => {
        const { rows } = await testDb.owner.pool.query(
          `select 1 from outbox where topic = 'webhooks.event' and published_at is not null
           and workspace_id = $1 and payload->>'type' = 'project.created'`,
          [actor.workspaceId],
        );
        return rows.length === 1 ? true : undefined;
      });
      expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
    } finally {
      await gone.close();
    }
  });

  it('disables an endpoint failing for five days and mails its owners; re-enabling starts afresh', async () => {
    const { actor, owner } = await workspaceWithOwner(testDb);
    const failing = await startWebhookReceiver({ mode: 'fail' });
    try {
      const { endpoint, secret } = await createWebhookEndpoint(deps(), actor, { url: failing.url });
      failing.setSecrets({ current: secret });
      await testDb.owner.db
        .update(webhookEndpoint)
        .set({ failingSince: new Date(Date.now() - 5 * 86_400_000 - 60_000) })
        .where(eq(webhookEndpoint.id, endpoint.id));
      await sendTestEvent(db(), actor, endpoint.id);
      const disabled = await eventually(async () => {
        const [found] = await testDb.owner.db
          .select()
          .from(webhookEndpoint)
          .where(eq(webhookEndpoint.id, endpoint.id));
        return found && !found.enabled ? found : undefined;
      });
      expect(disabled.disabledReason).toBe('failing');
      const { rows: mails } = await testDb.owner.pool.query<{ payload: { template: string; to: string } }>(
        `select payload from outbox where topic = 'mail.send' and workspace_id = $1`,
        [actor.workspaceId],
      );
      expect(mails.map((row) => [row.payload.template, row.payload.to])).toEqual([
        ['webhook-endpoint-disabled', owner.email],
      ]);
      const enabled = await updateWebhookEndpoint(deps(), actor, endpoint.id, { enabled: true });
      expect(enabled).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    } finally {
      await failing.close();
    }
  });
});
