import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  account,
  auditLog,
  entitlement,
  invoice,
  member,
  project,
  subscription,
  user,
  withTenant,
  workspace,
} from '@plinth/db';
import { describeAuditRecord, listAuditLog } from '@plinth/core/audit';
import { billingSummary } from '@plinth/core/billing';
import { entitlements } from '@plinth/core/entitlements';
import { verifyPassword } from '@plinth/core/identity';
import { resolveMembership } from '@plinth/core/tenancy';
import { useTestDatabase } from '@plinth/testing';
import { demoWorkspaces } from './demo-data';
import { currentTotpCode, verifyStoredTotp } from '@plinth/core/staff';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_STAFF_TOTP_SECRET, seedDemoData } from './seed-demo';

const testDb = useTestDatabase();
const system = { type: 'system', id: 'test' } as const;

/** Rows of each table the seed writes, per workspace slug where the table is a tenant's. */
async function counts() {
  const db = testDb.app.db;
  const workspaces = await db.select().from(workspace);
  const perWorkspace = await Promise.all(
    workspaces.map((ws) =>
      withTenant(testDb.app, ws.id, system, async (tx) => ({
        slug: ws.slug,
        projects: (await tx.select().from(project)).length,
        entitlements: (await tx.select().from(entitlement)).length,
        subscriptions: (await tx.select().from(subscription)).length,
        invoices: (await tx.select().from(invoice)).length,
        audit: (await tx.select().from(auditLog).where(eq(auditLog.workspaceId, ws.id))).length,
      })),
    ),
  );
  return {
    workspaces: workspaces.length,
    users: (await db.select().from(user)).length,
    accounts: (await db.select().from(account)).length,
    members: (await db.select().from(member)).length,
    perWorkspace: Object.fromEntries(perWorkspace.map(({ slug, ...rest }) => [slug, rest])),
  };
}

/** A member actor of the workspace, as a page would resolve it. */
async function actorOf(email: string, slug: string) {
  const [person] = await testDb.app.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  return (await resolveMembership(testDb.app, person!.id, slug)).actor;
}

describe('demo seed', () => {
  it('creates about five workspaces on every plan, twenty people in every role, a hundred projects', async () => {
    const summary = await seedDemoData(testDb.app);
    expect(summary.workspaces).toBe(5);
    const people = new Set(
      summary.logins.filter((login) => login.role !== 'staff').map((login) => login.email),
    );
    expect(people.size).toBe(20);
    // Every role, each in more than one workspace.
    for (const role of ['owner', 'admin', 'member', 'viewer']) {
      const where = new Set(
        summary.logins.filter((login) => login.role === role).map((login) => login.workspace),
      );
      expect(where.size, role).toBeGreaterThan(1);
    }
    const workspaces = await testDb.app.db.select().from(workspace);
    expect(workspaces.map((ws) => ws.slug).sort()).toEqual(demoWorkspaces.map((ws) => ws.slug).sort());
    for (const ws of workspaces) {
      const demo = demoWorkspaces.find((item) => item.slug === ws.slug)!;
      const granted = await entitlements({ database: testDb.app }, ws.id);
      expect(granted.plan, ws.slug).toBe(demo.plan);
      if (demo.seats) expect(granted.limits.members, ws.slug).toBe(demo.seats);
      // Within the plan's limits: nothing in the demo is over quota or read-only.
      expect(demo.members.length, ws.slug).toBeLessThanOrEqual(granted.limits.members);
      expect(demo.projects.length, ws.slug).toBeLessThanOrEqual(granted.limits.projects);
    }
    const { perWorkspace } = await counts();
    const projects = Object.values(perWorkspace).reduce((sum, ws) => sum + ws.projects, 0);
    expect(projects).toBe(100);
    // e2e/search.test.ts watches Initech's first project tick its onboarding checklist.
    expect(perWorkspace['initech']!.projects).toBe(0);
  });

  it('leaves invoices in every Stripe status, which the billing summary reads by standing', async () => {
    await seedDemoData(testDb.app);
    const statuses = new Set<string | null>();
    for (const demo of demoWorkspaces.filter((ws) => ws.history)) {
      const owner = demo.members.find((person) => person.role === 'owner')!;
      const summary = await billingSummary({ database: testDb.app }, await actorOf(owner.email, demo.slug));
      expect(summary.invoices.map((row) => row.id).sort(), demo.slug).toEqual(
        demo.history!.invoices.map((row) => row.id).sort(),
      );
      for (const row of summary.invoices) statuses.add(row.status);
      // An ended subscription: nothing live, so Checkout is open and there is no portal to manage.
      expect(summary.canCheckout, demo.slug).toBe(true);
      expect(summary.canManage, demo.slug).toBe(false);
      // The open invoice of the ended subscription is not due.
      for (const row of summary.invoices.filter((item) => item.status === 'open')) {
        expect(row.standing, row.id).toBe('abandoned');
      }
    }
    expect(statuses).toEqual(new Set(['paid', 'open', 'void', 'uncollectible', 'draft']));
    // Hooli: Team granted on top of a past Pro subscription reads as granted, not subscribed.
    const hooli = await billingSummary(
      { database: testDb.app },
      await actorOf('dana.whitfield@hooli.test', 'hooli'),
    );
    expect(hooli.standing).toBe('granted');
  });

  it('writes an audit history that reads as sentences: people joining, a promotion, every project', async () => {
    await seedDemoData(testDb.app);
    const acme = demoWorkspaces.find((ws) => ws.slug === 'acme')!;
    const actor = await actorOf('olivia.owner@acme.test', 'acme');
    const rows = await withTenant(testDb.app, actor.workspaceId, system, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.workspaceId, actor.workspaceId)),
    );
    const count = (action: string) => rows.filter((row) => row.action === action).length;
    expect(count('workspace.created')).toBe(1);
    expect(count('invitation.sent')).toBe(acme.members.length - 1);
    expect(count('invitation.accepted')).toBe(acme.members.length - 1);
    expect(count('member.role_changed')).toBe(1);
    expect(count('project.created')).toBe(acme.projects.length);
    // As the audit page reads them (Team includes the audit log): sentences with names.
    const page = await listAuditLog({ database: testDb.app }, actor, { action: 'member.role_changed' });
    expect(page.items.map(describeAuditRecord)).toEqual([
      'Olivia Owner changed Adam Admin’s role from member to admin',
    ]);
    const created = await listAuditLog({ database: testDb.app }, actor, {
      action: 'project.created',
      limit: 100,
    });
    expect(created.items.map(describeAuditRecord)).toContain(
      'Mia Member created the project “Data warehouse”',
    );
    // In time order, as rows written live are.
    const times = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((row) => row.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('is idempotent: a second run changes nothing', async () => {
    await seedDemoData(testDb.app);
    const before = await counts();
    await seedDemoData(testDb.app);
    expect(await counts()).toEqual(before);
  });
});

describe('demo logins', () => {
  it('every demo person can sign in with the demo password, and the staff member is staff', async () => {
    const summary = await seedDemoData(testDb.app);
    for (const login of summary.logins) {
      const [row] = await testDb.app.db
        .select({ hash: account.password, role: user.role })
        .from(account)
        .innerJoin(user, eq(user.id, account.userId))
        .where(eq(user.email, login.email));
      expect(await verifyPassword({ hash: row!.hash!, password: DEMO_PASSWORD }), login.email).toBe(true);
      if (login.email === DEMO_STAFF.email) expect(row!.role).toBe('admin');
      else expect(row!.role, login.email).not.toBe('admin');
    }
  });

  it('the demo staff member has the documented dev-only TOTP secret enrolled, so they pass the staff guard', async () => {
    const summary = await seedDemoData(testDb.app, { authSecret: testDb.env.auth.secret });
    expect(summary.staffTotpSecret).toBe(DEMO_STAFF_TOTP_SECRET);
    const [staff] = await testDb.app.db.select().from(user).where(eq(user.email, DEMO_STAFF.email));
    expect(staff!.twoFactorEnabled).toBe(true);
    const code = currentTotpCode(DEMO_STAFF_TOTP_SECRET);
    expect(await verifyStoredTotp(testDb.app, testDb.env.auth.secret, staff!.id, code)).toBe(true);
    // A second run leaves the enrolment as it is.
    await seedDemoData(testDb.app, { authSecret: testDb.env.auth.secret });
    expect(await verifyStoredTotp(testDb.app, testDb.env.auth.secret, staff!.id, code)).toBe(true);
  });
});
