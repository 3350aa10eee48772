import { z } from '@hono/zod-openapi';
import {
  accessStates,
  billingSummary,
  planKeys,
  type BillingSummary,
  type PlanAction,
  type PlanKey,
} from '@plinth/core/billing';
import type { Database } from '@plinth/db';
import {
  addRoute,
  defineRoute,
  iso,
  isoOrNull,
  jsonContent,
  timestamp,
  type V1App,
  type V1Chain,
} from '../openapi/index';
import { slugParams } from './workspaces';

const money = {
  amount: z.number().int().openapi({ description: 'In minor units (cents).' }),
  currency: z.string(),
};

const invoiceSummary = z
  .object({
    id: z.string().openapi({ description: "Stripe's invoice id.", example: 'in_1Q2w3E4r5T6y7U8i' }),
    number: z.string().nullable(),
    status: z.string().nullable(),
    currency: z.string(),
    total: z.number().int(),
    amount_due: z.number().int(),
    amount_paid: z.number().int(),
    created_at: timestamp(),
    hosted_invoice_url: z.string().nullable(),
    invoice_pdf: z.string().nullable(),
    standing: z.enum(['due', 'declined', 'abandoned', 'settled']).openapi({
      description:
        '`due`: open and its subscription waits for it (pay it); `declined`: the first payment of a declined Checkout (paying it starts the subscription, or Stripe voids it); `abandoned`: open but nobody waits for it any more (not due); `settled`: not open.',
    }),
  })
  .openapi('InvoiceSummary');

const planEnum = z.enum(planKeys);

/** One thing the caller can do about one plan: core's nextPlanActions(), as the billing and pricing pages show. */
const planAction = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('current'),
      plan: planEnum,
      manage: z.boolean().openapi({ description: 'The billing portal can be opened for it.' }),
    }),
    z.object({ kind: z.literal('subscribe'), plan: planEnum, direction: z.literal('upgrade') }),
    z.object({ kind: z.literal('switch'), plan: planEnum, direction: z.enum(['upgrade', 'downgrade']) }),
    z.object({ kind: z.literal('manage'), plan: planEnum }),
    z.object({
      kind: z.literal('none'),
      plan: planEnum,
      reason: z.enum(['not-manager', 'granted', 'portal-unavailable']),
    }),
  ])
  .openapi('PlanAction', {
    description:
      '`current`: the plan in effect; `subscribe`: a new subscription through Checkout; `switch`: a change of the live subscription in the billing portal; `manage`: resolve an unpaid or paused subscription in the portal; `none`: nothing the caller can do, and why.',
  });

const billing = z
  .object({
    plan: z.object({ key: z.enum(planKeys), name: z.string() }),
    state: z.enum(accessStates).openapi({ description: '`grace` while a payment is past due.' }),
    subscription_status: z.string().nullable(),
    features: z.array(z.string()),
    limits: z.object({
      members: z.number().int(),
      projects: z.number().int(),
      storage_bytes: z.number().int().openapi({ description: 'Bytes of files the plan includes.' }),
    }),
    usage: z.object({
      members: z.number().int(),
      pending_invitations: z.number().int(),
      projects: z.number().int(),
      storage_bytes: z
        .number()
        .int()
        .openapi({ description: 'Bytes of files held, uploads in progress included.' }),
    }),
    seats: z.object({ used: z.number().int(), paid: z.number().int().nullable() }),
    current_period_end: timestamp().nullable(),
    cancel_at_period_end: z.boolean(),
    trial_end: timestamp().nullable(),
    next_invoice: z.object({ ...money, date: timestamp().nullable() }).nullable(),
    invoices: z.array(invoiceSummary),
    past_due: z.object({ invoice_url: z.string().nullable() }).nullable(),
    plan_override: z
      .object({ plan: z.enum(planKeys), name: z.string(), expires_at: timestamp() })
      .nullable()
      .openapi({
        description:
          'A plan granted by staff until `expires_at`: plan, features and limits are the grant’s until then.',
      }),
    standing: z.enum(['free', 'subscribed', 'granted', 'lapsed']).openapi({
      description:
        'How the plan is paid for: `free`; `subscribed` (a live subscription, changed in the billing portal); `granted` (a paid plan without a subscription: nothing to manage, only higher plans can be bought); `lapsed` (a subscription that grants nothing now: resolve it in the portal).',
    }),
    actions: z
      .object(
        Object.fromEntries(planKeys.map((key) => [key, planAction])) as Record<PlanKey, typeof planAction>,
      )
      .openapi({
        description:
          'What the caller can do next about each plan of the catalog — the one decision the billing and pricing pages render.',
      }),
  })
  .openapi('BillingSummary');

const toBilling = (summary: BillingSummary) => ({
  plan: summary.plan,
  state: summary.state,
  subscription_status: summary.subscriptionStatus,
  features: summary.features,
  limits: {
    members: summary.limits.members,
    projects: summary.limits.projects,
    storage_bytes: summary.limits.storageBytes,
  },
  usage: {
    members: summary.usage.members,
    pending_invitations: summary.usage.pendingInvitations,
    projects: summary.usage.projects,
    storage_bytes: summary.usage.storageBytes,
  },
  seats: summary.seats,
  current_period_end: isoOrNull(summary.currentPeriodEnd),
  cancel_at_period_end: summary.cancelAtPeriodEnd,
  trial_end: isoOrNull(summary.trialEnd),
  next_invoice: summary.nextInvoice && {
    amount: summary.nextInvoice.amount,
    currency: summary.nextInvoice.currency,
    date: isoOrNull(summary.nextInvoice.date),
  },
  invoices: summary.invoices.map((invoice) => ({
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    currency: invoice.currency,
    total: invoice.total,
    amount_due: invoice.amountDue,
    amount_paid: invoice.amountPaid,
    created_at: iso(invoice.createdAt),
    hosted_invoice_url: invoice.hostedInvoiceUrl,
    invoice_pdf: invoice.invoicePdf,
    standing: invoice.standing,
  })),
  past_due: summary.pastDue && { invoice_url: summary.pastDue.invoiceUrl },
  plan_override: summary.override && {
    plan: summary.override.plan,
    name: summary.override.planName,
    expires_at: iso(summary.override.expiresAt),
  },
  standing: summary.standing,
  actions: summary.actions satisfies Record<PlanKey, PlanAction>,
});

const getBilling = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/billing',
  operationId: 'getBillingSummary',
  summary: "A workspace's plan and billing",
  description:
    'Plan, access state, how it is paid for (`standing`), what the caller can do next about each plan (`actions`), usage against limits, seats, the period, the next invoice estimate and the last 12 invoices with their standing — read from the mirror of Stripe, for owners and admins. Changing the plan happens in Checkout or the billing portal, from the workspace billing page.',
  tags: ['Billing'],
  request: { params: slugParams },
  responses: { 200: jsonContent('The billing summary.', billing) },
});

/** /api/v1/workspaces/{slug}/billing: read only; money changes go through Stripe's own pages. */
export function billingRoutes(app: V1App, chain: V1Chain, deps: { database: Database }): void {
  addRoute(app, chain, getBilling, async (c) =>
    c.json(toBilling(await billingSummary(deps, c.get('member'))), 200),
  );
}
