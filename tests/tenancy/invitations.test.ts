import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invitation, member, withTenant, workspace } from '@plinth/db';
import { grantPlan, useTestDatabase } from '@plinth/testing';
import { decodeId, encodeId } from '@plinth/api';
import { previewInvitation } from '@plinth/core/tenancy';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from './people';

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);
let owner: Person;

beforeAll(async () => {
  owner = await signedInPerson(app, testDb, 'owner');
});

let slugCounter = 0;
async function newWorkspace(plan?: 'free' | 'team') {
  const slug = `ws-${++slugCounter}-${Date.now() % 1_000_000}`;
  const created = await owner.client.post('/api/v1/workspaces', { name: `Workspace ${slug}`, slug });
  expect(created.status).toBe(201);
  if (plan) {
    const [ws] = await testDb.app.db
      .select({ id: workspace.id })
      .from(workspace)
      .where(eq(workspace.slug, slug));
    await grantPlan(testDb.app, { workspace: ws!, plan, seats: 50 });
  }
  return { slug, id: decodeId('ws', (created.data as { id: string }).id) };
}

/** Invites `email` and returns the token from the mail the outbox relayed and the worker sent. */
async function invite(slug: string, email: string, role = 'member') {
  const since = new Date();
  const sent = await owner.client.post(`/api/v1/workspaces/${slug}/invitations`, { email, role });
  expect(sent.status, JSON.stringify(sent.data)).toBe(201);
  const mail = await app.mailTo(email, since);
  const link = new URL(app.linkIn(mail));
  expect(link.pathname).toBe('/invitations/accept');
  const id = (sent.data as { id: string }).id;
  return { token: link.searchParams.get('token')!, id, uuid: decodeId('inv', id) };
}

describe('workspaces', () => {
  it('validates the slug and refuses a taken one, naming the field', async () => {
    const bad = await owner.client.post('/api/v1/workspaces', { name: 'Bad', slug: 'No Spaces!' });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({
      error: { code: 'invalid_input', fields: { slug: expect.any(String) } },
    });
    const { slug } = await newWorkspace();
    const taken = await owner.client.post('/api/v1/workspaces', { name: 'Again', slug });
    expect(taken.status).toBe(409);
    expect(taken.data).toMatchObject({ error: { fields: { slug: expect.any(String) } } });
    const typo = await owner.client.post('/api/v1/workspaces', { name: 'Typo', slug: 'typo-ws', nmae: 'x' });
    expect(typo.data).toMatchObject({ error: { fields: { nmae: 'Unknown field.' } } });
  });

  it('the last owner can neither leave nor be demoted', async () => {
    const { slug } = await newWorkspace();
    expect((await owner.client.post(`/api/v1/workspaces/${slug}/leave`)).status).toBe(409);
    const demote = await owner.client.request(
      `/api/v1/workspaces/${slug}/members/${encodeId('user', owner.id)}`,
      {
        method: 'PATCH',
        json: { role: 'admin' },
      },
    );
    expect(demote.status).toBe(409);
  });

  it('a deleted workspace disappears for its members and its owner can restore it', async () => {
    const { slug } = await newWorkspace();
    const deleted = await owner.client.request(`/api/v1/workspaces/${slug}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect((await owner.client.get(`/api/v1/workspaces/${slug}/projects`)).status).toBe(404);
    const mine = (await owner.client.get('/api/v1/workspaces')).data as { items: { slug: string }[] };
    expect(mine.items.map((ws) => ws.slug)).not.toContain(slug);
    expect((await owner.client.post(`/api/v1/workspaces/${slug}/restore`)).status).toBe(204);
    expect((await owner.client.get(`/api/v1/workspaces/${slug}/projects`)).status).toBe(200);
  });
});

describe('invitations', () => {
  it('an invitee with an account accepts and just gains the membership, once', async () => {
    const { slug } = await newWorkspace();
    const invitee = await signedInPerson(app, testDb, 'invitee');
    const { token } = await invite(slug, invitee.email, 'viewer');
    const accepted = await invitee.client.post('/api/v1/invitations/accept', { token });
    expect(accepted.status).toBe(200);
    expect(accepted.data).toEqual({ workspace_slug: slug });
    const projects = await invitee.client.get(`/api/v1/workspaces/${slug}/projects`);
    expect(projects.status).toBe(200);
    expect((await invitee.client.post('/api/v1/invitations/accept', { token })).status).toBe(404);
  });

  it('refuses an accept from a different signed-in email', async () => {
    const { slug } = await newWorkspace();
    const invited = `someone-${Date.now()}@example.test`;
    const { token } = await invite(slug, invited);
    const stranger = await signedInPerson(app, testDb, 'stranger');
    const attempt = await stranger.client.post('/api/v1/invitations/accept', { token });
    expect(attempt.status).toBe(403);
    expect((await stranger.client.get(`/api/v1/workspaces/${slug}`)).status).toBe(404);
  });

  it('revoked, resent (old token) and expired invitations no longer work', async () => {
    const { slug, id: workspaceId } = await newWorkspace('team');
    const person = await signedInPerson(app, testDb, 'late');
    const first = await invite(slug, person.email);
    expect(
      (await owner.client.post(`/api/v1/workspaces/${slug}/invitations/${first.id}/resend`)).status,
    ).toBe(204);
    expect((await person.client.post('/api/v1/invitations/accept', { token: first.token })).status).toBe(404);
    await owner.client.request(`/api/v1/workspaces/${slug}/invitations/${first.id}`, { method: 'DELETE' });

    const second = await invite(slug, `revoked-${Date.now()}@example.test`);
    expect(
      (
        await owner.client.request(`/api/v1/workspaces/${slug}/invitations/${second.id}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(204);

    const third = await invite(slug, person.email);
    await withTenant(testDb.app, workspaceId, { type: 'system', id: 'test' }, (tx) =>
      tx
        .update(invitation)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitation.id, third.uuid)),
    );
    expect((await person.client.post('/api/v1/invitations/accept', { token: third.token })).status).toBe(404);
  });

  it('the accept page learns who invited whom to what before sign-in, and only why a dead link is dead', async () => {
    const { slug, id: workspaceId } = await newWorkspace('team');
    const deps = { database: testDb.app };
    const email = `preview-${Date.now()}@example.test`;
    const live = await invite(slug, email, 'admin');
    const preview = await previewInvitation(deps, live.token);
    expect(preview).toEqual({
      state: 'valid',
      workspaceName: `Workspace ${slug}`,
      inviterName: 'owner',
      email,
      role: 'admin',
      expiresAt: expect.any(Date),
    });

    // Malformed, unknown, replaced by a resend, revoked, expired, accepted: each says only its state.
    expect(await previewInvitation(deps, 'short')).toEqual({ state: 'invalid' });
    expect(await previewInvitation(deps, 'x'.repeat(43))).toEqual({ state: 'invalid' });
    const resent = await invite(slug, `resent-${Date.now()}@example.test`);
    await owner.client.post(`/api/v1/workspaces/${slug}/invitations/${resent.id}/resend`);
    expect(await previewInvitation(deps, resent.token)).toEqual({ state: 'invalid' });
    const revoked = await invite(slug, `revoked-preview-${Date.now()}@example.test`);
    await owner.client.request(`/api/v1/workspaces/${slug}/invitations/${revoked.id}`, { method: 'DELETE' });
    expect(await previewInvitation(deps, revoked.token)).toEqual({ state: 'revoked' });
    const expired = await invite(slug, `expired-preview-${Date.now()}@example.test`);
    await withTenant(testDb.app, workspaceId, { type: 'system', id: 'test' }, (tx) =>
      tx
        .update(invitation)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitation.id, expired.uuid)),
    );
    expect(await previewInvitation(deps, expired.token)).toEqual({ state: 'expired' });
    const invitee = await signedInPerson(app, testDb, 'previewed');
    const accepted = await invite(slug, invitee.email);
    expect((await invitee.client.post('/api/v1/invitations/accept', { token: accepted.token })).status).toBe(
      200,
    );
    expect(await previewInvitation(deps, accepted.token)).toEqual({ state: 'accepted' });

    // The still-live one reads as invalid once its workspace is deleted.
    await owner.client.request(`/api/v1/workspaces/${slug}`, { method: 'DELETE' });
    expect(await previewInvitation(deps, live.token)).toEqual({ state: 'invalid' });
  });

  it('an invitation into a workspace deleted since cannot be accepted', async () => {
    const { slug } = await newWorkspace();
    const person = await signedInPerson(app, testDb, 'too-late');
    const { token } = await invite(slug, person.email);
    await owner.client.request(`/api/v1/workspaces/${slug}`, { method: 'DELETE' });
    expect((await person.client.post('/api/v1/invitations/accept', { token })).status).toBe(404);
  });

  it('nobody joins a suspended workspace: the accept is a 403 and the invitation stays pending', async () => {
    const { slug, id: workspaceId } = await newWorkspace();
    const person = await signedInPerson(app, testDb, 'suspended-invitee');
    const { token } = await invite(slug, person.email);
    await testDb.owner.db
      .update(workspace)
      .set({ suspendedAt: new Date(), suspendedReason: 'test' })
      .where(eq(workspace.id, workspaceId));
    const refused = await person.client.post('/api/v1/invitations/accept', { token });
    expect(refused.status).toBe(403);
    expect(refused.data).toMatchObject({ error: { code: 'workspace_suspended' } });
    const members = await testDb.owner.db
      .select()
      .from(member)
      .where(and(eq(member.workspaceId, workspaceId), eq(member.userId, person.id)));
    expect(members).toEqual([]);
    await testDb.owner.db.update(workspace).set({ suspendedAt: null }).where(eq(workspace.id, workspaceId));
    expect((await person.client.post('/api/v1/invitations/accept', { token })).status).toBe(200);
  });

  it('an admin cannot invite an owner', async () => {
    const { slug, id } = await newWorkspace('team');
    const admin = await signedInPerson(app, testDb, 'admin');
    await testDb.app.db.insert(member).values({ workspaceId: id, userId: admin.id, role: 'admin' });
    const attempt = await admin.client.post(`/api/v1/workspaces/${slug}/invitations`, {
      email: 'boss@example.test',
      role: 'owner',
    });
    expect(attempt.status).toBe(403);
    expect(attempt.data).toMatchObject({ error: { fields: { role: expect.any(String) } } });
  });

  it('the plan seat limit counts members and pending invitations (402)', async () => {
    const { slug } = await newWorkspace('free'); // free: 3 seats; the owner holds one
    await invite(slug, `seat-a-${Date.now()}@example.test`);
    await invite(slug, `seat-b-${Date.now()}@example.test`);
    const over = await owner.client.post(`/api/v1/workspaces/${slug}/invitations`, {
      email: `seat-c-${Date.now()}@example.test`,
      role: 'member',
    });
    expect(over.status).toBe(402);
    expect(over.data).toMatchObject({ error: { code: 'payment_required' } });
  });
});

describe('concurrency', () => {
  it('two simultaneous accepts of one invitation create one membership', async () => {
    const { slug, id } = await newWorkspace();
    const invitee = await signedInPerson(app, testDb, 'racer');
    const { token } = await invite(slug, invitee.email);
    const results = await Promise.all([
      invitee.client.post('/api/v1/invitations/accept', { token }),
      invitee.client.post('/api/v1/invitations/accept', { token }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 404]);
    const rows = await testDb.owner.db
      .select()
      .from(member)
      .where(and(eq(member.workspaceId, id), eq(member.userId, invitee.id)));
    expect(rows).toHaveLength(1);
  });

  it('two simultaneous demotions cannot leave a workspace without an owner', async () => {
    const { slug, id } = await newWorkspace();
    const coOwner = await signedInPerson(app, testDb, 'co-owner');
    await testDb.app.db.insert(member).values({ workspaceId: id, userId: coOwner.id, role: 'owner' });
    const results = await Promise.all([
      owner.client.request(`/api/v1/workspaces/${slug}/members/${encodeId('user', coOwner.id)}`, {
        method: 'PATCH',
        json: { role: 'admin' },
      }),
      coOwner.client.request(`/api/v1/workspaces/${slug}/members/${encodeId('user', owner.id)}`, {
        method: 'PATCH',
        json: { role: 'admin' },
      }),
    ]);
    // The loser is refused either way: 409 (it would remove the last owner) or 403 (it was itself
    // demoted a moment earlier and may no longer change an owner's role).
    const statuses = results.map((result) => result.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const owners = await testDb.owner.db
      .select()
      .from(member)
      .where(and(eq(member.workspaceId, id), eq(member.role, 'owner')));
    expect(owners).toHaveLength(1);
  });
});

describe('projects', () => {
  it('lists newest first with a cursor, and validates the query strictly', async () => {
    const { slug } = await newWorkspace('team');
    for (const name of ['one', 'two', 'three']) {
      expect((await owner.client.post(`/api/v1/workspaces/${slug}/projects`, { name })).status).toBe(201);
    }
    const first = (await owner.client.get(`/api/v1/workspaces/${slug}/projects?limit=2`)).data as {
      items: { name: string }[];
      next_cursor: string;
      has_more: boolean;
    };
    expect(first.items.map((item) => item.name)).toEqual(['three', 'two']);
    expect(first.has_more).toBe(true);
    const second = (
      await owner.client.get(`/api/v1/workspaces/${slug}/projects?limit=2&cursor=${first.next_cursor}`)
    ).data as {
      items: { name: string }[];
      next_cursor: string | null;
      has_more: boolean;
    };
    expect(second.items.map((item) => item.name)).toEqual(['one']);
    expect(second.next_cursor).toBeNull();
    expect(second.has_more).toBe(false);
    const typo = await owner.client.get(`/api/v1/workspaces/${slug}/projects?limt=2`);
    expect(typo.status).toBe(400);
    expect(typo.data).toMatchObject({ error: { fields: { limt: 'Unknown field.' } } });
  });

  it('the free plan stops at its project limit with 402, and bad input loses nothing', async () => {
    const { slug } = await newWorkspace('free');
    for (const name of ['a', 'b', 'c'])
      await owner.client.post(`/api/v1/workspaces/${slug}/projects`, { name });
    const over = await owner.client.post(`/api/v1/workspaces/${slug}/projects`, { name: 'd' });
    expect(over.status).toBe(402);
    const empty = await owner.client.post(`/api/v1/workspaces/${slug}/projects`, { name: '' });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ error: { fields: { name: expect.any(String) } } });
    const list = (await owner.client.get(`/api/v1/workspaces/${slug}/projects`)).data as { items: unknown[] };
    expect(list.items).toHaveLength(3);
  });
});
