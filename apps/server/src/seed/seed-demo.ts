import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  account,
  entitlement,
  twoFactor,
  member,
  project,
  user,
  withTenant,
  workspace,
  type Database,
} from '@plinth/db';
import { entitlementForPlan, writeEntitlement } from '@plinth/core/billing';
import { hashPassword } from '@plinth/core/identity';
import { enrollTotpForTesting } from '@plinth/core/staff';
import { systemActor } from '@plinth/core/actor';
import { demoWorkspaces } from './demo-data';

/** Every demo person signs in with this password (development and tests only; seeding refuses production). */
export const DEMO_PASSWORD = 'plinth-demo-password';

/** A platform staff member, for the admin console and impersonation. */
export const DEMO_STAFF = { email: 'sam.staff@plinth.test', name: 'Sam Staff' };

/**
 * The demo staff member's TOTP secret (base32), development and tests only: the staff console needs
 * 2FA, so the seed enrols this secret for Sam Staff, and `npm run dev` prints it to add to an
 * authenticator app. Public on purpose — seeding refuses production, and a real staff member enrols
 * their own secret on /account/security.
 */
export const DEMO_STAFF_TOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

export interface SeedSummary {
  workspaces: number;
  logins: { email: string; workspace: string; role: string }[];
  password: string;
  /** The demo staff member's TOTP secret, when the seed enrolled it (it needs the auth secret). */
  staffTotpSecret?: string;
}

/** A verified person with a password, created once; later runs leave them as they are. */
async function demoPerson(
  database: Database,
  email: string,
  name: string,
  passwordHash: string,
  role?: string,
) {
  const [row] = await database.db
    .insert(user)
    .values({ email, name, emailVerified: true, ...(role ? { role } : {}) })
    .onConflictDoUpdate({ target: user.email, set: { name, ...(role ? { role } : {}) } })
    .returning({ id: user.id });
  await database.db
    .insert(account)
    .values({ userId: row!.id, providerId: 'credential', accountId: row!.id, password: passwordHash })
    .onConflictDoNothing({ target: [account.providerId, account.accountId] });
  return row!.id;
}

/**
 * Creates or refreshes the demo world through the app role (RLS applies, as it does to the app).
 * Idempotent: running it twice leaves the same rows, so it is safe on every `npm run dev`.
 */
export async function seedDemoData(
  database: Database,
  options: { authSecret?: string } = {},
): Promise<SeedSummary> {
  const { db } = database;
  const actor = systemActor('seed');
  const logins: SeedSummary['logins'] = [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staffId = await demoPerson(database, DEMO_STAFF.email, DEMO_STAFF.name, passwordHash, 'admin');
  logins.push({ email: DEMO_STAFF.email, workspace: '(platform)', role: 'staff' });
  // The staff console needs 2FA: enrol the documented demo secret, once (a second factor Sam set up
  // themselves is left alone).
  const [enrolled] = await db
    .select({ id: twoFactor.id })
    .from(twoFactor)
    .where(eq(twoFactor.userId, staffId));
  if (options.authSecret && !enrolled) {
    await enrollTotpForTesting(database, options.authSecret, staffId, DEMO_STAFF_TOTP_SECRET);
  }
  for (const demo of demoWorkspaces) {
    const [ws] = await db
      .insert(workspace)
      .values({ slug: demo.slug, name: demo.name })
      .onConflictDoUpdate({
        target: workspace.slug,
        // Older seeds kept the plan in metadata; the entitlement row is the only source now.
        set: { name: demo.name, metadata: sql`${workspace.metadata} - 'plan'`, updatedAt: sql`now()` },
      })
      .returning({ id: workspace.id });
    for (const person of demo.members) {
      const personId = await demoPerson(database, person.email, person.name, passwordHash);
      await db
        .insert(member)
        .values({ workspaceId: ws!.id, userId: personId, role: person.role })
        .onConflictDoUpdate({ target: [member.workspaceId, member.userId], set: { role: person.role } });
      logins.push({ email: person.email, workspace: demo.slug, role: person.role });
    }
    const owner = demo.members.find((person) => person.role === 'owner')!;
    const [ownerRow] = await db.select({ id: user.id }).from(user).where(eq(user.email, owner.email));
    await withTenant(database, ws!.id, actor, async (tx) => {
      // Only when absent: a demo workspace upgraded through (fake) Checkout keeps its real plan.
      const [granted] = await tx.select({ id: entitlement.id }).from(entitlement);
      if (!granted) await writeEntitlement(tx, ws!.id, entitlementForPlan(demo.plan, { seats: demo.seats }));
      for (const item of demo.projects) {
        const existing = await tx
          .select({ id: project.id })
          .from(project)
          .where(
            and(eq(project.workspaceId, ws!.id), eq(project.name, item.name), isNull(project.deletedAt)),
          );
        if (existing.length > 0) continue;
        await tx.insert(project).values({
          workspaceId: ws!.id,
          name: item.name,
          description: item.description,
          createdBy: ownerRow!.id,
        });
      }
    });
  }
  return {
    workspaces: demoWorkspaces.length,
    logins,
    password: DEMO_PASSWORD,
    ...(options.authSecret ? { staffTotpSecret: DEMO_STAFF_TOTP_SECRET } : {}),
  };
}
