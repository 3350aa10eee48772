import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { account, entitlement, member, project, user, withTenant, workspace } from '@plinth/db';
import { entitlements } from '@plinth/core/entitlements';
import { verifyPassword } from '@plinth/core/identity';
import { useTestDatabase } from '@plinth/testing';
import { demoWorkspaces } from './demo-data';
import { currentTotpCode, verifyStoredTotp } from '@plinth/core/staff';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_STAFF_TOTP_SECRET, seedDemoData } from './seed-demo';

const testDb = useTestDatabase();

async function counts() {
  const db = testDb.app.db;
  const workspaces = await db.select().from(workspace);
  const projectsPerWorkspace = await Promise.all(
    workspaces.map((ws) =>
      withTenant(testDb.app, ws.id, { type: 'system', id: 'test' }, (tx) => tx.select().from(project)),
    ),
  );
  const entitlementRows = await Promise.all(
    workspaces.map((ws) =>
      withTenant(testDb.app, ws.id, { type: 'system', id: 'test' }, (tx) => tx.select().from(entitlement)),
    ),
  );
  return {
    workspaces: workspaces.length,
    entitlements: entitlementRows.flat().length,
    users: (await db.select().from(user)).length,
    members: (await db.select().from(member)).length,
    projects: projectsPerWorkspace.flat().length,
  };
}

describe('demo seed', () => {
  it('creates workspaces on different plans with a person in every role', async () => {
    const summary = await seedDemoData(testDb.app);
    const roles = new Set(
      summary.logins.filter((login) => login.role !== 'staff').map((login) => login.role),
    );
    expect(roles).toEqual(new Set(['owner', 'admin', 'member', 'viewer']));
    const workspaces = await testDb.app.db.select().from(workspace);
    const plans = await Promise.all(workspaces.map((ws) => entitlements({ database: testDb.app }, ws.id)));
    expect(new Set(plans.map((plan) => plan.plan))).toEqual(new Set(['free', 'pro', 'team']));
    const team = plans.find((plan) => plan.plan === 'team')!;
    expect(team.limits.members).toBe(demoWorkspaces.find((ws) => ws.plan === 'team')!.seats);
    const expectedProjects = demoWorkspaces.reduce((sum, ws) => sum + ws.projects.length, 0);
    expect((await counts()).projects).toBe(expectedProjects);
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
