import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveMembership } from '@plinth/core/tenancy';
import { createWebhookEndpoint, type ConnectHook } from '@plinth/core/webhooks';
import { auditLog, webhookEndpoint } from '@plinth/db';
import { addMember, createWorkspace, rejectionOf, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';
import { secrets } from './setup';

// The endpoints API over real HTTP on real nodes. Only loopback is ever a valid target here (the
// development allowance); every refusal below happens before any connection.
const testDb = useTestDatabase({ WEBHOOK_ALLOW_PRIVATE: 'loopback' });
const app = useIdentityApp(testDb);
const LOOPBACK = 'http://127.0.0.1:9/webhooks';

let owner: Person;
beforeAll(async () => {
  owner = await signedInPerson(app, testDb, 'hooks-owner');
});

async function ownedWorkspace() {
  const ws = await createWorkspace(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: { id: owner.id } as never, role: 'owner' });
  return ws;
}

const endpointsOf = (workspaceId: string) =>
  testDb.owner.db.select().from(webhookEndpoint).where(eq(webhookEndpoint.workspaceId, workspaceId));

const create = (slug: string, body: unknown) =>
  owner.client.post(`/api/v1/workspaces/${slug}/webhook-endpoints`, body as Record<string, unknown>, {
    origin: app.url,
  });

describe('webhook endpoints over the API', () => {
  it.each([
    ['not a URL', { url: 'not a url' }, 'url'],
    ['another scheme', { url: 'ftp://127.0.0.1/x' }, 'url'],
    ['a private address', { url: 'http://10.0.0.7/hooks' }, 'url'],
    ['the cloud metadata address', { url: 'http://169.254.169.254/latest/meta-data' }, 'url'],
    ['an IPv4-mapped private address', { url: 'http://[::ffff:192.168.1.1]/hooks' }, 'url'],
    ['an IPv6 unique-local address', { url: 'http://[fd00:ec2::254]/' }, 'url'],
    ['credentials in the URL', { url: 'http://user:pw@127.0.0.1:9/' }, 'url'],
    ['a control character', { url: 'http://127.0.0.1:9/\u0007' }, 'url'],
    ['an unknown event type', { url: LOOPBACK, event_types: ['project.exploded'] }, 'event_types.0'],
    ['an empty event list', { url: LOOPBACK, event_types: [] }, 'event_types'],
    ['an unknown field', { url: LOOPBACK, secret: 'whsec_mine' }, 'secret'],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_label, body, field) => {
    const ws = await ownedWorkspace();
    const response = await create(ws.slug, body);
    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({
      error: { code: 'invalid_input', fields: { [field]: expect.any(String) } },
    });
    expect(await endpointsOf(ws.id)).toEqual([]);
  });

  it('refuses the 101st endpoint of a workspace naming the field, and stores nothing', async () => {
    const ws = await ownedWorkspace();
    await testDb.owner.db.insert(webhookEndpoint).values(
      Array.from({ length: 100 }, () => ({
        workspaceId: ws.id,
        url: LOOPBACK,
        secretCiphertext: secrets.seal('whsec_AAAA'),
        createdBy: owner.id,
      })),
    );
    const response = await create(ws.slug, { url: LOOPBACK });
    expect(response.status).toBe(402);
    expect(response.data).toMatchObject({
      error: { code: 'payment_required', fields: { url: expect.any(String) } },
    });
    expect(await endpointsOf(ws.id)).toHaveLength(100);
  });

  it('shows the secret once, stores it sealed, and audits every change', async () => {
    const ws = await ownedWorkspace();
    const created = await create(ws.slug, { url: LOOPBACK, event_types: ['project.created'] });
    expect(created.status).toBe(201);
    const secret = (created.data as { secret: string }).secret;
    expect(secret).toMatch(/^whsec_/);
    const [row] = await endpointsOf(ws.id);
    expect(row!.secretCiphertext).not.toContain(secret.slice('whsec_'.length));
    const id = (created.data as { id: string }).id;
    const base = `/api/v1/workspaces/${ws.slug}/webhook-endpoints/${id}`;
    expect(JSON.stringify((await owner.client.get(base)).data)).not.toContain('whsec_');
    const rotated = await owner.client.post(`${base}/rotate-secret`, {}, { origin: app.url });
    expect((rotated.data as { secret: string }).secret).not.toBe(secret);
    await owner.client.request(base, { method: 'DELETE', headers: { origin: app.url } });
    const actions = await testDb.owner.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.workspaceId, ws.id));
    expect(actions.map((entry) => entry.action).filter((action) => action.startsWith('webhook'))).toEqual([
      'webhook_endpoint.created',
      'webhook_endpoint.secret_rotated',
      'webhook_endpoint.deleted',
    ]);
  });

  it('lets an API key scoped webhook.manage manage endpoints, and refuses a key without the scope', async () => {
    const ws = await ownedWorkspace();
    const mint = async (scopes: string[]) =>
      (
        await owner.client.post(
          `/api/v1/workspaces/${ws.slug}/api-keys`,
          { name: 'hooks', scopes },
          { origin: app.url },
        )
      ).data as { secret: string };
    const manager = await mint(['webhook.manage']);
    const reader = await mint(['project.read']);
    const asKey = (key: { secret: string }) =>
      fetch(`${app.url}/api/v1/workspaces/${ws.slug}/webhook-endpoints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: LOOPBACK }),
      });
    expect((await asKey(manager)).status).toBe(201);
    const refused = await asKey(reader);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await endpointsOf(ws.id)).toHaveLength(1);
  });

  it('refuses a host name that resolves to a private address, without connecting', async () => {
    const ws = await ownedWorkspace();
    const { actor } = await resolveMembership(testDb.app, owner.id, ws.slug);
    const neverConnect: ConnectHook = (target) => {
      throw new Error(`connected to ${target.address}`);
    };
    const error = await rejectionOf(
      createWebhookEndpoint(
        {
          database: testDb.app,
          secrets,
          egress: {
            requireHttps: true,
            allowPrivate: 'none',
            resolver: async () => [{ address: '10.20.30.40', family: 4 }],
            connect: neverConnect,
          },
        },
        actor,
        { url: 'https://hooks.customer.example/in' },
      ),
    );
    expect(error).toMatchObject({ code: 'invalid_input', fields: { url: expect.stringMatching(/private/) } });
    expect(await endpointsOf(ws.id)).toEqual([]);
  });
});
