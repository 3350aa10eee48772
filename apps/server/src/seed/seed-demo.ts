import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  account,
  auditLog,
  entitlement,
  invoice,
  twoFactor,
  member,
  project,
  subscription,
  user,
  withTenant,
  workspace,
  type Database,
} from '@plinth/db';
import { entitlementForPlan, writeEntitlement } from '@plinth/core/billing';
import { hashPassword } from '@plinth/core/identity';
import { enrollTotpForTesting } from '@plinth/core/staff';
import { systemActor } from '@plinth/core/actor';
import { demoWorkspaces, type DemoWorkspace } from './demo-data';

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

/** Marks the audit rows the seed wrote (their request id), so a second run writes none. */
const SEED_REQUEST_ID = 'demo-seed';

const DAY = 24 * 60 * 60 * 1000;

export interface SeedSummary {
  workspaces: number;
  logins: { email: string; workspace: string; role: string }[];
  password: string;
  /** The demo staff member's TOTP secret, when the seed enrolled it (it needs the auth secret). */
  staffTotpSecret?: string;
}

/**
 * Verified people with a password, in two statements: created once; later runs refresh only the
 * name (and `role`, the platform role, when given). Returns their ids by email.
 */
async function demoPeople(
  database: Database,
  people: { email: string; name: string }[],
  passwordHash: string,
  role?: string,
): Promise<Map<string, string>> {
  const rows = await database.db
    .insert(user)
    .values(
      people.map(({ email, name }) => ({ email, name, emailVerified: true, ...(role ? { role } : {}) })),
    )
    .onConflictDoUpdate({
      target: user.email,
      set: { name: sql`excluded.name`, ...(role ? { role } : {}) },
    })
    .returning({ id: user.id, email: user.email });
  await database.db
    .insert(account)
    .values(
      rows.map((row) => ({
        userId: row.id,
        providerId: 'credential',
        accountId: row.id,
        password: passwordHash,
      })),
    )
    .onConflictDoNothing({ target: [account.providerId, account.accountId] });
  return new Map(rows.map((row) => [row.email, row.id]));
}

/**
 * Creates or refreshes the demo world through the app role (RLS applies, as it does to the app).
 * Idempotent: running it twice leaves the same rows, so it is safe on every `npm run dev`. Rows go
 * in with one statement per table and workspace, so the seed stays quick at this size.
 */
export async function seedDemoData(
  database: Database,
  options: { authSecret?: string } = {},
): Promise<SeedSummary> {
  const { db } = database;
  const actor = systemActor('seed');
  const logins: SeedSummary['logins'] = [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const staffId = (await demoPeople(database, [DEMO_STAFF], passwordHash, 'admin')).get(DEMO_STAFF.email)!;
  const everyone = new Map<string, { email: string; name: string }>();
  for (const demo of demoWorkspaces) {
    for (const { email, name } of demo.members) everyone.set(email, { email, name });
  }
  const ids = await demoPeople(database, [...everyone.values()], passwordHash);
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

  const now = Date.now();
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
    const workspaceId = ws!.id;
    await db
      .insert(member)
      .values(
        demo.members.map((person) => ({ workspaceId, userId: ids.get(person.email)!, role: person.role })),
      )
      .onConflictDoUpdate({ target: [member.workspaceId, member.userId], set: { role: sql`excluded.role` } });
    for (const person of demo.members)
      logins.push({ email: person.email, workspace: demo.slug, role: person.role });

    await withTenant(database, workspaceId, actor, async (tx) => {
      // Only when absent: a demo workspace upgraded through (fake) Checkout keeps its real plan.
      const [granted] = await tx.select({ id: entitlement.id }).from(entitlement);
      if (!granted)
        await writeEntitlement(tx, workspaceId, entitlementForPlan(demo.plan, { seats: demo.seats }));
      await seedProjects(tx, workspaceId, demo, ids, now);
      if (demo.history) await seedBillingHistory(tx, workspaceId, demo.history, now);
      await seedAuditHistory(tx, workspaceId, demo, ids, now);
    });
  }
  return {
    workspaces: demoWorkspaces.length,
    logins,
    password: DEMO_PASSWORD,
    ...(options.authSecret ? { staffTotpSecret: DEMO_STAFF_TOTP_SECRET } : {}),
  };
}

type Tx = Parameters<Parameters<typeof withTenant>[3]>[0];

/** The projects a live one of the same name does not already stand for, in one insert, oldest first. */
async function seedProjects(
  tx: Tx,
  workspaceId: string,
  demo: DemoWorkspace,
  ids: Map<string, string>,
  now: number,
) {
  if (demo.projects.length === 0) return;
  const existing = await tx
    .select({ name: project.name })
    .from(project)
    .where(
      and(
        eq(project.workspaceId, workspaceId),
        inArray(
          project.name,
          demo.projects.map((item) => item.name),
        ),
        isNull(project.deletedAt),
      ),
    );
  const taken = new Set(existing.map((row) => row.name));
  // Created by the workspace's owners, admins and members in turn (viewers cannot create), spread
  // over the last months, the first one the oldest.
  const makers = demo.members
    .filter((person) => person.role !== 'viewer')
    .map((person) => ids.get(person.email)!);
  const rows = demo.projects
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => !taken.has(item.name))
    .map(({ item, index }) => {
      const createdAt = new Date(now - (demo.projects.length - index) * 2 * DAY);
      return {
        workspaceId,
        name: item.name,
        description: item.description,
        createdBy: makers[index % makers.length]!,
        createdAt,
        updatedAt: createdAt,
      };
    });
  if (rows.length > 0) await tx.insert(project).values(rows);
}

/** An ended subscription and its invoices, as the mirror keeps them; each row once. */
async function seedBillingHistory(
  tx: Tx,
  workspaceId: string,
  history: NonNullable<DemoWorkspace['history']>,
  now: number,
) {
  const oldest = Math.max(...history.invoices.map((item) => item.daysAgo));
  const canceledAt = new Date(now - history.canceledDaysAgo * DAY);
  await tx
    .insert(subscription)
    .values({
      id: history.subscriptionId,
      workspaceId,
      customerId: history.customerId,
      status: 'canceled',
      canceledAt,
      endedAt: canceledAt,
      currentPeriodStart: new Date(now - (history.canceledDaysAgo + 30) * DAY),
      currentPeriodEnd: canceledAt,
      latestInvoiceId: history.invoices[0]?.id ?? null,
      metadata: { workspace_id: workspaceId },
      stripeCreatedAt: new Date(now - (oldest + 1) * DAY),
    })
    .onConflictDoNothing({ target: subscription.id });
  await tx
    .insert(invoice)
    .values(
      history.invoices.map((item) => {
        const created = new Date(now - item.daysAgo * DAY);
        const paid = item.status === 'paid' ? item.total : 0;
        const remaining = item.status === 'open' || item.status === 'uncollectible' ? item.total : 0;
        return {
          id: item.id,
          workspaceId,
          customerId: history.customerId,
          subscriptionId: history.subscriptionId,
          status: item.status,
          // Stripe numbers an invoice when it is finalised: a draft has none yet.
          number: item.status === 'draft' ? null : item.number,
          currency: 'usd',
          amountDue: item.total,
          amountPaid: paid,
          amountRemaining: remaining,
          total: item.total,
          // No hosted page: these invoices exist only in the mirror, and a link would lead nowhere.
          hostedInvoiceUrl: null,
          invoicePdf: null,
          attemptCount: item.status === 'uncollectible' ? 4 : item.status === 'paid' ? 1 : 0,
          periodStart: new Date(created.getTime() - 30 * DAY),
          periodEnd: created,
          stripeCreatedAt: created,
        };
      }),
    )
    .onConflictDoNothing({ target: invoice.id });
}

/**
 * What the audit log would hold had people done it by hand: the workspace created, each person
 * invited and joining, projects created (with their names, as written at the time), a role
 * change. Written once per workspace (the rows carry the seed's request id).
 */
async function seedAuditHistory(
  tx: Tx,
  workspaceId: string,
  demo: DemoWorkspace,
  ids: Map<string, string>,
  now: number,
) {
  const [written] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.requestId, SEED_REQUEST_ID)))
    .limit(1);
  if (written) return;
  const owner = demo.members.find((person) => person.role === 'owner')!;
  // The first admin joined as a member and was promoted: one role change per workspace.
  const firstAdmin = demo.members.find((person) => person.role === 'admin')?.email;
  const ownerId = ids.get(owner.email)!;
  const start = now - (demo.projects.length * 2 + 30) * DAY;
  const at = (offsetDays: number) => new Date(start + offsetDays * DAY);
  const row = (
    occurredAt: Date,
    actorId: string,
    action: string,
    target: Partial<typeof auditLog.$inferInsert> = {},
  ) => ({
    occurredAt,
    workspaceId,
    actorType: 'user' as const,
    actorId,
    action,
    requestId: SEED_REQUEST_ID,
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
    ...target,
  });
  const rows = [
    row(at(0), ownerId, 'workspace.created', {
      targetType: 'workspace',
      targetId: workspaceId,
      targetName: demo.name,
    }),
  ];
  demo.members
    .filter((person) => person.role !== 'owner')
    .forEach((person, index) => {
      const personId = ids.get(person.email)!;
      const promoted = person.email === firstAdmin;
      const joinedAs = promoted ? 'member' : person.role;
      rows.push(
        row(at(1 + index), ownerId, 'invitation.sent', { metadata: { email: person.email, role: joinedAs } }),
        row(at(1.5 + index), personId, 'invitation.accepted', { metadata: { role: joinedAs } }),
      );
      if (promoted) {
        rows.push(
          row(at(10 + index), ownerId, 'member.role_changed', {
            targetType: 'user',
            targetId: personId,
            metadata: { from: 'member', to: 'admin' },
          }),
        );
      }
    });
  const projects = await tx
    .select({
      id: project.id,
      name: project.name,
      createdBy: project.createdBy,
      createdAt: project.createdAt,
    })
    .from(project)
    .where(and(eq(project.workspaceId, workspaceId), isNull(project.deletedAt)));
  for (const item of projects) {
    rows.push(
      row(item.createdAt, item.createdBy, 'project.created', {
        targetType: 'project',
        targetId: item.id,
        targetName: item.name,
      }),
    );
  }
  // Oldest first, so the uuidv7 ids follow time as they do for rows written live.
  rows.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  await tx.insert(auditLog).values(rows);
}
