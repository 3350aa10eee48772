import { and, asc, count, desc, eq, inArray, isNull, not, sql } from 'drizzle-orm';
import {
  auditLog,
  customer,
  entitlement,
  flagOverride,
  invoice,
  member,
  planOverride,
  price,
  project,
  subscription,
  subscriptionItem,
  user,
  withTenant,
  workspace,
  type AuditLogRow,
  type FlagOverrideRow,
  type MemberRole,
  type PlanOverrideRow,
} from '@plinth/db';
import type { Actor } from '../actor/index';
import { STAFF_ON_WORKSPACE } from '../audit/index';
import { entitlementsIn, type Entitlements } from '../entitlements/index';
import { AppError } from '../errors/index';
import { explainFlag, type FlagReason, type FlagStore, type FlagValue } from '../flags/index';
import { countSeatsInUse, storageUsedIn } from '../limits/index';
import { assertStaff, type StaffDeps } from './staff';

const MEMBERS_SHOWN = 200;
const INVOICES_SHOWN = 12;
const AUDIT_SHOWN = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export interface WorkspaceDetail {
  workspace: {
    id: string;
    name: string;
    slug: string;
    createdAt: Date;
    deletedAt: Date | null;
    suspendedAt: Date | null;
    suspendedReason: string | null;
  };
  members: { userId: string; name: string; email: string; role: MemberRole; joinedAt: Date }[];
  /** More members than listed. */
  membersTruncated: boolean;
  /** What the workspace may do now (a live plan override included). */
  entitlements: Entitlements;
  /** What the billing mirror says without the override: the synced row (null: never synced, free). */
  synced: { plan: string; state: string; subscriptionStatus: string | null; computedAt: Date } | null;
  /** The latest plan override, live or expired. */
  override: PlanOverrideRow | null;
  customer: { id: string; livemode: boolean; dashboardUrl: string; syncedAt: Date | null } | null;
  subscriptions: {
    id: string;
    status: string;
    cancelAtPeriodEnd: boolean;
    currentPeriodEnd: Date | null;
    trialEnd: Date | null;
    items: { priceLookupKey: string | null; quantity: number }[];
  }[];
  invoices: {
    id: string;
    number: string | null;
    status: string | null;
    total: number;
    currency: string;
    createdAt: Date;
    hostedInvoiceUrl: string | null;
  }[];
  usage: { members: number; pendingInvitations: number; projects: number; storageBytes: number };
  audit: AuditLogRow[];
  flags: { key: string; description: string; value: FlagValue; reason: FlagReason }[];
  flagOverrides: FlagOverrideRow[];
}

/** Stripe's dashboard page of a customer (test-mode customers live under /test). */
export function stripeDashboardUrl(customerId: string, livemode: boolean): string {
  return `https://dashboard.stripe.com/${livemode ? '' : 'test/'}customers/${encodeURIComponent(customerId)}`;
}

/**
 * Everything staff need about one workspace on one page: members, plan and entitlement (with the
 * synced truth beside an override), the Stripe mirror, usage against limits, the audit tail and the
 * flags in effect. Staff only; tenant tables are read inside the workspace's tenant transaction.
 */
export async function workspaceDetail(
  deps: StaffDeps & { flags: FlagStore },
  actor: Actor,
  workspaceId: string,
): Promise<WorkspaceDetail> {
  await assertStaff(deps.database, actor);
  if (!UUID.test(workspaceId)) throw new AppError('not_found', 'No such workspace.');
  const { db } = deps.database;
  const [row] = await db.select().from(workspace).where(eq(workspace.id, workspaceId));
  if (!row) throw new AppError('not_found', 'No such workspace.');
  const people = await db
    .select({
      userId: member.userId,
      name: user.name,
      email: user.email,
      role: member.role,
      joinedAt: member.createdAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.workspaceId, workspaceId))
    .orderBy(asc(member.createdAt))
    .limit(MEMBERS_SHOWN + 1);
  const [customerRow] = await db.select().from(customer).where(eq(customer.workspaceId, workspaceId));
  const flagOverrides = await db
    .select()
    .from(flagOverride)
    .where(eq(flagOverride.workspaceId, workspaceId))
    .orderBy(asc(flagOverride.key));
  const now = deps.now?.() ?? new Date();

  const tenant = await withTenant(deps.database, workspaceId, actor, async (tx) => {
    const current = await entitlementsIn(tx, workspaceId, now);
    const [synced] = await tx.select().from(entitlement).where(eq(entitlement.workspaceId, workspaceId));
    const [override] = await tx.select().from(planOverride).where(eq(planOverride.workspaceId, workspaceId));
    const subscriptions = await tx
      .select()
      .from(subscription)
      .where(eq(subscription.workspaceId, workspaceId))
      .orderBy(desc(subscription.stripeCreatedAt));
    const items =
      subscriptions.length === 0
        ? []
        : await tx
            .select({
              subscriptionId: subscriptionItem.subscriptionId,
              quantity: subscriptionItem.quantity,
              lookupKey: price.lookupKey,
            })
            .from(subscriptionItem)
            .leftJoin(price, eq(price.id, subscriptionItem.priceId))
            .where(
              and(
                eq(subscriptionItem.workspaceId, workspaceId),
                inArray(
                  subscriptionItem.subscriptionId,
                  subscriptions.map((s) => s.id),
                ),
              ),
            );
    const invoices = await tx
      .select()
      .from(invoice)
      .where(eq(invoice.workspaceId, workspaceId))
      .orderBy(desc(invoice.stripeCreatedAt))
      .limit(INVOICES_SHOWN);
    const seats = await countSeatsInUse(tx, workspaceId, now);
    const [projects] = await tx
      .select({ n: count() })
      .from(project)
      .where(and(eq(project.workspaceId, workspaceId), isNull(project.deletedAt)));
    const storageBytes = await storageUsedIn(tx, workspaceId);
    const audit = await tx
      .select()
      .from(auditLog)
      .where(
        // The workspace's own rows, less the "Plinth support" copies of staff actions: staff read
        // the staff records of those (who, from where, why) instead, below.
        and(
          eq(auditLog.workspaceId, workspaceId),
          not(and(eq(auditLog.actorType, 'system'), eq(auditLog.actorId, STAFF_ON_WORKSPACE))!),
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(AUDIT_SHOWN);
    return {
      current,
      synced,
      override,
      subscriptions,
      items,
      invoices,
      seats,
      projects,
      storageBytes,
      audit,
    };
  });

  const flags = [];
  for (const [key, definition] of Object.entries(deps.flags.definitions)) {
    const { value, reason } = await explainFlag(
      { flags: deps.flags, workspaceId, plan: tenant.current.plan, now },
      key,
    );
    flags.push({ key, description: definition.description, value, reason });
  }

  return {
    workspace: {
      id: row.id,
      name: row.name,
      slug: row.slug,
      createdAt: row.createdAt,
      deletedAt: row.deletedAt,
      suspendedAt: row.suspendedAt,
      suspendedReason: row.suspendedReason,
    },
    members: people.slice(0, MEMBERS_SHOWN),
    membersTruncated: people.length > MEMBERS_SHOWN,
    entitlements: tenant.current,
    synced: tenant.synced
      ? {
          plan: tenant.synced.plan,
          state: tenant.synced.state,
          subscriptionStatus: tenant.synced.subscriptionStatus,
          computedAt: tenant.synced.computedAt,
        }
      : null,
    override: tenant.override ?? null,
    customer: customerRow
      ? {
          id: customerRow.id,
          livemode: customerRow.livemode,
          dashboardUrl: stripeDashboardUrl(customerRow.id, customerRow.livemode),
          syncedAt: customerRow.syncedAt,
        }
      : null,
    subscriptions: tenant.subscriptions.map((s) => ({
      id: s.id,
      status: s.status,
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
      currentPeriodEnd: s.currentPeriodEnd,
      trialEnd: s.trialEnd,
      items: tenant.items
        .filter((item) => item.subscriptionId === s.id)
        .map((item) => ({ priceLookupKey: item.lookupKey, quantity: item.quantity })),
    })),
    invoices: tenant.invoices.map((i) => ({
      id: i.id,
      number: i.number,
      status: i.status,
      total: i.total,
      currency: i.currency,
      createdAt: i.stripeCreatedAt,
      hostedInvoiceUrl: i.hostedInvoiceUrl,
    })),
    usage: {
      members: tenant.seats.members,
      pendingInvitations: tenant.seats.pendingInvitations,
      projects: tenant.projects?.n ?? 0,
      storageBytes: tenant.storageBytes,
    },
    audit: [...tenant.audit, ...(await staffRecordsAbout(deps, workspaceId))]
      .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .slice(0, AUDIT_SHOWN),
    flags,
    flagOverrides,
  };
}

/**
 * The staff records of staff actions on this workspace (auditStaffAction keeps them outside it), in
 * a read-only transaction under the `audit_log_staff_read` policy.
 */
async function staffRecordsAbout(deps: StaffDeps, workspaceId: string): Promise<AuditLogRow[]> {
  return deps.database.db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('app.staff_read', 'on', true)`);
      return tx
        .select()
        .from(auditLog)
        .where(
          and(
            isNull(auditLog.workspaceId),
            sql`${auditLog.metadata} ? 'workspaceId'`,
            sql`${auditLog.metadata}->>'workspaceId' = ${workspaceId}`,
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(AUDIT_SHOWN);
    },
    { accessMode: 'read only' },
  );
}
