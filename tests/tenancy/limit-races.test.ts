import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, invitation, member, outbox, project, type Database } from '@plinth/db';
import { acceptInvitation, createInvitation as invite, resolveMembership } from '@plinth/core/tenancy';
import { encodeId } from '@plinth/api';
import {
  createInvitation,
  createUser,
  createWorkspace,
  addMember,
  grantPlan,
  useTestDatabase,
} from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from './people';

// Every plan-limit check counts and then writes. Without the per-workspace lock they all share, 20
// requests at once each count the same "room for one more" and all write (20 project creates on
// free, limit 3, made 7). Each test fires 20 at once — over HTTP through the real API where a
// session can do it, through core where 20 different people must — and asserts the exact count.

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);
const PARALLEL = 20;
let owner: Person;
/** A pool wide enough that all 20 core calls really run at once. */
let wide: Database;

beforeAll(async () => {
  owner = await signedInPerson(app, testDb, 'racer-owner');
  wide = createDatabase(testDb.appUrl, { max: PARALLEL + 2 });
});
afterAll(async () => {
  await wide?.close();
});

/** A workspace `owner` owns, on `plan` (free: 3 members, 3 projects). */
async function ownedWorkspace(plan: 'free' | 'team', seats?: number) {
  const workspace = await createWorkspace(testDb.app);
  await addMember(testDb.app, { workspace, user: { id: owner.id } as never, role: 'owner' });
  await grantPlan(testDb.app, { workspace, plan, ...(seats ? { seats } : {}) });
  return workspace;
}

const statuses = (results: { status: number }[]) =>
  results.reduce<Record<number, number>>((counts, { status }) => {
    counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }, {});

async function livePendingInvitations(workspaceId: string): Promise<number> {
  const rows = await testDb.owner.db
    .select({ id: invitation.id })
    .from(invitation)
    .where(
      and(
        eq(invitation.workspaceId, workspaceId),
        eq(invitation.status, 'pending'),
        gt(invitation.expiresAt, new Date()),
      ),
    );
  return rows.length;
}

describe('plan limits hold under 20 requests at once', () => {
  it('projects: 20 creates on free (limit 3) make exactly 3; the rest are 402', async () => {
    const workspace = await ownedWorkspace('free');
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        owner.client.post(`/api/v1/workspaces/${workspace.slug}/projects`, { name: `race ${index}` }),
      ),
    );
    expect(statuses(results)).toEqual({ 201: 3, 402: PARALLEL - 3 });
    const rows = await testDb.owner.db.select().from(project).where(eq(project.workspaceId, workspace.id));
    expect(rows).toHaveLength(3);
  });

  it('seats on invite: 20 invitations on free (3 seats, the owner holds one) leave exactly 2 pending', async () => {
    const workspace = await ownedWorkspace('free');
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        owner.client.post(`/api/v1/workspaces/${workspace.slug}/invitations`, {
          email: `seat-race-${index}-${Date.now()}@example.test`,
          role: 'member',
        }),
      ),
    );
    expect(statuses(results)).toEqual({ 201: 2, 402: PARALLEL - 2 });
    expect(await livePendingInvitations(workspace.id)).toBe(2);
  });

  it('seats on resend: 20 expired invitations resent at once on free revive exactly 2', async () => {
    // Expired invitations hold no seat; a resend gives one a fresh week, so it must find a seat.
    const workspace = await ownedWorkspace('free');
    const expired = [];
    for (let index = 0; index < PARALLEL; index++) {
      expired.push(
        await createInvitation(testDb.app, {
          workspace,
          invitedBy: { id: owner.id },
          email: `expired-${index}-${Date.now()}@example.test`,
          expiresAt: new Date(Date.now() - 60_000),
        }),
      );
    }
    const results = await Promise.all(
      expired.map((row) =>
        owner.client.post(
          `/api/v1/workspaces/${workspace.slug}/invitations/${encodeId('inv', row.id)}/resend`,
        ),
      ),
    );
    expect(statuses(results)).toEqual({ 204: 2, 402: PARALLEL - 2 });
    expect(await livePendingInvitations(workspace.id)).toBe(2);
  });

  it('seats on accept: after a downgrade, 20 invitees accepting at once fill exactly the free seats', async () => {
    // Invited on team (50 seats); the plan then lapses to free (3 members). Each pending invitation
    // still holds a link, but only as many people may join as the plan has seats.
    const workspace = await ownedWorkspace('team', 50);
    const { actor } = await resolveMembership(testDb.app, owner.id, workspace.slug);
    const deps = { database: testDb.app, jobs: undefined as never, appUrl: app.url };
    const invitees = [];
    for (let index = 0; index < PARALLEL; index++) {
      const person = await createUser(testDb.app);
      await invite(deps, actor, { email: person.email, role: 'member' });
      invitees.push(person);
    }
    const tokens = await tokensFromOutbox(workspace.id);
    await grantPlan(testDb.app, { workspace, plan: 'free' });

    const results = await Promise.all(
      invitees.map((person) =>
        acceptInvitation(
          { database: wide },
          { type: 'user', id: person.id, email: person.email, emailVerified: true },
          { token: tokens.get(person.email)! },
        ).then(
          () => ({ status: 200 }),
          (error: { status?: number }) => ({ status: error.status ?? 500 }),
        ),
      ),
    );
    expect(statuses(results)).toEqual({ 200: 2, 402: PARALLEL - 2 });
    const members = await testDb.owner.db.select().from(member).where(eq(member.workspaceId, workspace.id));
    expect(members).toHaveLength(3);
  });
});

/** The invitation link tokens, by recipient, from the mails the invitations queued. */
async function tokensFromOutbox(workspaceId: string): Promise<Map<string, string>> {
  const rows = await testDb.owner.db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.topic, 'mail.send')));
  const tokens = new Map<string, string>();
  for (const { payload } of rows) {
    const mail = payload as { to: string; data: { url: string } };
    tokens.set(mail.to, new URL(mail.data.url).searchParams.get('token')!);
  }
  return tokens;
}
