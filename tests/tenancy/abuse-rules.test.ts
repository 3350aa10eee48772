import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { member, outbox } from '@plinth/db';
import { createInvitation as invite, resolveMembership, revokeInvitation } from '@plinth/core/tenancy';
import { invitationMailQuotas } from '@plinth/core/rate-limit';
import { AppError } from '@plinth/core/errors';
import { addMember, createUser, createWorkspace, grantPlan, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from './people';

// Two abuse paths a hostile member had: relaying mail through invitations (invite, revoke, invite
// again — every round a mail to any address) and reaching above their rank through another
// person's things (an admin revoking an owner's API key). Both are refused in core.

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);
let owner: Person;
let admin: Person;
let otherAdmin: Person;
let formerOwner: Person;

// Everyone signs up first: the quota tests queue a hundred invitation mails, and a verification
// mail queued behind them would wait its turn.
beforeAll(async () => {
  owner = await signedInPerson(app, testDb, 'abuse-owner');
  admin = await signedInPerson(app, testDb, 'abuse-admin');
  otherAdmin = await signedInPerson(app, testDb, 'abuse-admin-2');
  formerOwner = await signedInPerson(app, testDb, 'abuse-former');
});

/** A workspace with `owner` as its owner and `admin` as an admin, on free unless told. */
async function workspaceOfBoth(plan: 'free' | 'team' = 'free') {
  const workspace = await createWorkspace(testDb.app);
  await addMember(testDb.app, { workspace, user: { id: owner.id } as never, role: 'owner' });
  await addMember(testDb.app, { workspace, user: { id: admin.id } as never, role: 'admin' });
  await grantPlan(testDb.app, { workspace, plan, ...(plan === 'team' ? { seats: 50 } : {}) });
  return workspace;
}

async function invitationMailsOf(workspaceId: string): Promise<number> {
  const rows = await testDb.owner.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.topic, 'mail.send')));
  return rows.length;
}

describe('the invitation mail quota', () => {
  const quota = invitationMailQuotas.perWorkspace.limit; // free: 3 seats × 3 is below it

  it('an invite/revoke loop stops at the daily quota with a 429: revoked invitations still count', async () => {
    const workspace = await workspaceOfBoth('free');
    const base = `/api/v1/workspaces/${workspace.slug}/invitations`;
    for (let round = 0; round < quota; round++) {
      const sent = await owner.client.post(base, { email: `relay-${round}@example.test`, role: 'viewer' });
      expect(sent.status, JSON.stringify(sent.data)).toBe(201);
      const id = (sent.data as { id: string }).id;
      expect((await owner.client.request(`${base}/${id}`, { method: 'DELETE' })).status).toBe(204);
    }
    const refused = await admin.client.post(base, { email: 'relay-last@example.test', role: 'viewer' });
    expect(refused.status).toBe(429);
    expect(refused.data).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringMatching(/invitation emails.*24 hours.*revoked/) },
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Refused means refused: no invitation row, no mail.
    expect(await invitationMailsOf(workspace.id)).toBe(quota);
  });

  it('resends count too, and 40 resends at once leave exactly the quota in mails', async () => {
    const workspace = await workspaceOfBoth('free');
    const base = `/api/v1/workspaces/${workspace.slug}/invitations`;
    const sent = await owner.client.post(base, { email: 'resend-me@example.test', role: 'viewer' });
    const id = (sent.data as { id: string }).id;
    const results = await Promise.all(
      Array.from({ length: 40 }, () => owner.client.post(`${base}/${id}/resend`)),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 204)).toHaveLength(quota - 1);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - (quota - 1));
    expect(await invitationMailsOf(workspace.id)).toBe(quota);
  });

  it('the per-inviter quota spans workspaces: a person cannot spread the relay over many', async () => {
    const limit = invitationMailQuotas.perInviter.limit;
    const person = await createUser(testDb.app);
    const deps = { database: testDb.app, jobs: undefined as never, appUrl: app.url };
    let sent = 0;
    let refusal: unknown;
    while (refusal === undefined && sent <= limit) {
      const workspace = await createWorkspace(testDb.app);
      await addMember(testDb.app, { workspace, user: person, role: 'owner' });
      const { actor } = await resolveMembership(testDb.app, person.id, workspace.slug);
      for (let round = 0; round < quota && refusal === undefined; round++) {
        try {
          const created = await invite(deps, actor, { email: `spread-${sent}@example.test`, role: 'viewer' });
          await revokeInvitation(deps, actor, created.id);
          sent++;
        } catch (error) {
          refusal = error;
        }
      }
    }
    expect(sent).toBe(limit);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/across all your workspaces/),
    });
  });
});

describe('the rank rule on other people’s things', () => {
  async function keyOf(person: Person, slug: string, scopes: string[] = ['project.read']) {
    const created = await person.client.post(`/api/v1/workspaces/${slug}/api-keys`, { name: 'k', scopes });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    return created.data as { id: string; secret: string };
  }

  it("an admin cannot revoke an owner's API key; the owner can revoke the admin's", async () => {
    const workspace = await workspaceOfBoth();
    const keys = `/api/v1/workspaces/${workspace.slug}/api-keys`;
    const ownerKey = await keyOf(owner, workspace.slug);
    const adminKey = await keyOf(admin, workspace.slug, ['project.read', 'api_key.manage']);

    const refused = await admin.client.request(`${keys}/${ownerKey.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(403);
    expect(refused.data).toMatchObject({ error: { code: 'forbidden' } });
    // Nor through the admin's own key, which acts with the admin's rank.
    const byKey = await fetch(`${app.url}${keys}/${ownerKey.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${adminKey.secret}` },
    });
    expect(byKey.status).toBe(403);
    const stillWorks = await fetch(`${app.url}/api/v1/workspaces/${workspace.slug}/projects`, {
      headers: { authorization: `Bearer ${ownerKey.secret}` },
    });
    expect(stillWorks.status).toBe(200);

    expect((await owner.client.request(`${keys}/${adminKey.id}`, { method: 'DELETE' })).status).toBe(204);
    const revoked = await fetch(`${app.url}/api/v1/workspaces/${workspace.slug}/projects`, {
      headers: { authorization: `Bearer ${adminKey.secret}` },
    });
    expect(revoked.status).toBe(401);
  });

  it('an admin may revoke the key of another admin, and of someone who has left', async () => {
    const workspace = await workspaceOfBoth();
    await addMember(testDb.app, { workspace, user: { id: otherAdmin.id } as never, role: 'admin' });
    const keys = `/api/v1/workspaces/${workspace.slug}/api-keys`;
    const otherKey = await keyOf(otherAdmin, workspace.slug);
    expect((await admin.client.request(`${keys}/${otherKey.id}`, { method: 'DELETE' })).status).toBe(204);

    // An owner who left outranks nobody here any more: their key is anyone's to revoke.
    await addMember(testDb.app, { workspace, user: { id: formerOwner.id } as never, role: 'owner' });
    const formerKey = await keyOf(formerOwner, workspace.slug);
    await testDb.owner.db
      .delete(member)
      .where(and(eq(member.workspaceId, workspace.id), eq(member.userId, formerOwner.id)));
    expect((await admin.client.request(`${keys}/${formerKey.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('an admin cannot revoke or resend an invitation an owner sent, nor one to the owner role', async () => {
    const workspace = await workspaceOfBoth('team');
    const base = `/api/v1/workspaces/${workspace.slug}/invitations`;
    const byOwner = await owner.client.post(base, { email: 'owner-sent@example.test', role: 'member' });
    const toOwner = await owner.client.post(base, { email: 'new-owner@example.test', role: 'owner' });
    for (const sent of [byOwner, toOwner]) {
      const id = (sent.data as { id: string }).id;
      const revoke = await admin.client.request(`${base}/${id}`, { method: 'DELETE' });
      expect(revoke.status, JSON.stringify(revoke.data)).toBe(403);
      expect((await admin.client.post(`${base}/${id}/resend`)).status).toBe(403);
    }
    // Their own invitations, and those of peers, admins manage as before.
    const mine = await admin.client.post(base, { email: 'admin-sent@example.test', role: 'member' });
    const mineId = (mine.data as { id: string }).id;
    expect((await admin.client.post(`${base}/${mineId}/resend`)).status).toBe(204);
    expect((await admin.client.request(`${base}/${mineId}`, { method: 'DELETE' })).status).toBe(204);
    // And the owner still manages everything.
    const ownerSentId = (byOwner.data as { id: string }).id;
    expect((await owner.client.request(`${base}/${ownerSentId}`, { method: 'DELETE' })).status).toBe(204);
  });
});
