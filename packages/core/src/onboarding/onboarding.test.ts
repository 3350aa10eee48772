import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { apiKey, auditLog, withTenant } from '@plinth/db';
import {
  addMember,
  createInvitation,
  createUser,
  createWorkspace,
  grantPlan,
  rejectionOf,
  useTestDatabase,
} from '@plinth/testing';
import { AppError } from '../errors/index';
import { createProject, deleteProject } from '../projects/index';
import type { MemberActor } from '../tenancy/index';
import { activateIfRuleMet, dismissOnboarding, onboardingFor } from './index';

const testDb = useTestDatabase();
const deps = () => ({ database: testDb.app });

async function freshWorkspace() {
  const ws = await createWorkspace(testDb.app);
  const ada = await createUser(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: ada, role: 'owner' });
  const owner: MemberActor = { type: 'user', id: ada.id, workspaceId: ws.id, role: 'owner' };
  return { ws, ada, owner };
}

async function join(ws: { id: string }, role: 'member' | 'viewer') {
  const person = await createUser(testDb.app);
  await addMember(testDb.app, { workspace: ws as never, user: person, role });
  return { type: 'user', id: person.id, workspaceId: ws.id, role } as MemberActor;
}

const done = async (actor: MemberActor) =>
  Object.fromEntries((await onboardingFor(deps(), actor)).items.map((item) => [item.step, item.done]));

const activatedAt = async (workspaceId: string) =>
  (
    await testDb.owner.pool.query<{ activated_at: Date | null }>(
      'select activated_at from workspace where id = $1',
      [workspaceId],
    )
  ).rows[0]!.activated_at;

describe('the first-run checklist', () => {
  it('reads real state: each step ticks when its rows exist', async () => {
    const { ws, ada, owner } = await freshWorkspace();
    expect(await done(owner)).toEqual({ project: false, teammate: false, plan: false, api_key: false });
    expect((await onboardingFor(deps(), owner)).visible).toBe(true);
    const project = await createProject(deps(), owner, { name: 'First' });
    await createInvitation(testDb.app, { workspace: ws, invitedBy: ada });
    await grantPlan(testDb.app, { workspace: ws, plan: 'pro' });
    await testDb.app.db.insert(apiKey).values({
      workspaceId: ws.id,
      name: 'CI',
      prefix: 'plk_test',
      secretHash: `hash-${ws.id}`,
      scopes: ['project.read'],
      createdBy: ada.id,
    });
    expect(await done(owner)).toEqual({ project: true, teammate: true, plan: true, api_key: true });
    expect((await onboardingFor(deps(), owner)).visible).toBe(false);
    // A deleted project was still created: the step stays ticked.
    await deleteProject(deps(), owner, project.id);
    expect((await done(owner)).project).toBe(true);
  });

  it('shows each person only what their role may do; a viewer sees no checklist', async () => {
    const { ws } = await freshWorkspace();
    const member = await join(ws, 'member');
    const viewer = await join(ws, 'viewer');
    const forMember = await onboardingFor(deps(), member);
    expect(forMember.items.filter((item) => item.permitted).map((item) => item.step)).toEqual(['project']);
    expect(forMember.visible).toBe(true);
    expect((await onboardingFor(deps(), viewer)).visible).toBe(false);
  });

  it('a manager dismisses it for everyone; a member may not', async () => {
    const { ws, owner } = await freshWorkspace();
    const member = await join(ws, 'member');
    const refused = await rejectionOf(dismissOnboarding(deps(), member));
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('forbidden');
    await dismissOnboarding(deps(), owner);
    await dismissOnboarding(deps(), owner);
    expect(await onboardingFor(deps(), member)).toMatchObject({ dismissed: true, visible: false });
    // Audited once, as the owner, for the dismissal that hid it.
    const rows = await testDb.owner.db
      .select({ actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.action, 'workspace.onboarding_dismissed')));
    expect(rows).toEqual([{ actorId: owner.id }]);
  });
});

describe('activation', () => {
  it('is set when the rule becomes true (a project and a second member), in that change', async () => {
    const { ws, owner } = await freshWorkspace();
    await createProject(deps(), owner, { name: 'Solo' });
    expect(await activatedAt(ws.id)).toBeNull();
    const member = await join(ws, 'member');
    // The join went through a factory here; the next change that evaluates the rule sets it.
    const before = new Date();
    await createProject(deps(), member, { name: 'Together' });
    const at = await activatedAt(ws.id);
    expect(at).not.toBeNull();
    expect(at!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    // Set once: later changes keep the first moment.
    await createProject(deps(), owner, { name: 'Later' });
    expect((await activatedAt(ws.id))!.getTime()).toBe(at!.getTime());
  });

  it('is not set by a change that rolls back', async () => {
    const { ws, owner } = await freshWorkspace();
    await join(ws, 'member');
    await rejectionOf(createProject(deps(), owner, { name: '' }));
    expect(await activatedAt(ws.id)).toBeNull();
    // The rule met inside a transaction that then fails: nothing of it stays.
    await rejectionOf(
      withTenant(testDb.app, ws.id, owner, async (tx) => {
        await tx.execute(
          sql`insert into project (workspace_id, name, created_by) values (${ws.id}, 'Doomed', ${owner.id})`,
        );
        expect(await activateIfRuleMet(tx, ws.id)).toBe(true);
        throw new Error('roll back');
      }),
    );
    expect(await activatedAt(ws.id)).toBeNull();
  });
});
