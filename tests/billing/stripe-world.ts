import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll } from 'vitest';
import {
  catalog,
  createStripeClient,
  deriveEntitlement,
  startCheckout,
  subscriptionState,
  syncCatalog,
} from '@plinth/core/billing';
import type { SyncCustomer } from '@plinth/core/billing-events';
import type { MemberActor } from '@plinth/core/tenancy';
import {
  capturedMail,
  entitlement,
  withTenant,
  type Entitlement,
  type User,
  type Workspace,
} from '@plinth/db';
import {
  addMember,
  createUser,
  createWorkspace,
  startFakeStripe,
  type FakeStripe,
  type TestDatabase,
} from '@plinth/testing';
import { useBillingApp, type BillingApp } from './billing-app';

export interface Customer {
  workspace: Workspace;
  owner: User;
  actor: MemberActor;
}

export interface StripeWorld {
  readonly fake: FakeStripe;
  readonly app: BillingApp;
  /** The production Stripe client (createStripeClient) pointed at the fake. */
  readonly stripe: Stripe;
  /** A workspace with an owner, as sign-up makes it. */
  signUp(name?: string): Promise<Customer>;
  /** Checkout for a plan price, completed on the fake's hosted page; returns the subscription. */
  subscribe(
    customer: Customer,
    lookupKey: string,
    options?: { quantity?: number; paymentMethod?: 'succeeds' | 'fails' | 'requires_action' },
  ): Promise<Stripe.Subscription>;
  /** The workspace's entitlement row (undefined = free, never synced). */
  entitlementOf(workspaceId: string): Promise<Entitlement | undefined>;
  /** Everything delivered so far is processed (auto mode waits for the deliveries themselves). */
  settle(): Promise<void>;
  mailsTo(address: string, tag?: string): Promise<{ subject: string; text: string; tag: string | null }[]>;
}

/**
 * A fake Stripe account (catalog synced by the real billing:sync code), the billing app delivering
 * its webhooks to the real endpoint, and helpers to move workspaces through their lifecycle.
 */
export function useStripeWorld(
  testDb: TestDatabase,
  options: { delivery?: 'auto' | 'manual'; syncCustomer?: SyncCustomer } = {},
): StripeWorld {
  const state: { fake?: FakeStripe; stripe?: Stripe } = {};
  // The fake must exist before the app's beforeAll reads its client and secret.
  beforeAll(async () => {
    state.fake = await startFakeStripe({ delivery: options.delivery ?? 'auto' });
    state.stripe = createStripeClient({
      secretKey: state.fake.secretKey,
      host: state.fake.host,
      port: state.fake.port,
      protocol: state.fake.protocol,
    });
  });
  const app = useBillingApp(testDb, {
    stripe: () => state.stripe!,
    webhookSecret: () => state.fake!.webhookSecret,
    now: () => state.fake!.now(),
    ...(options.syncCustomer ? { syncCustomer: options.syncCustomer } : {}),
  });
  beforeAll(async () => {
    state.fake!.setWebhookEndpoint(app.webhookUrl);
    await syncCatalog({ database: testDb.app, stripe: state.stripe!, appUrl: app.url });
  });
  afterAll(async () => {
    await state.fake?.close();
  });

  const world: StripeWorld = {
    get fake() {
      return state.fake!;
    },
    get stripe() {
      return state.stripe!;
    },
    app,
    async signUp(name) {
      const owner = await createUser(testDb.owner);
      const workspace = await createWorkspace(testDb.owner, name ? { name } : {});
      await addMember(testDb.owner, { workspace, user: owner, role: 'owner' });
      return {
        workspace,
        owner,
        actor: { type: 'user', id: owner.id, workspaceId: workspace.id, role: 'owner' },
      };
    },
    async subscribe(customer, lookupKey, subscribeOptions = {}) {
      const { sessionId } = await startCheckout(
        { database: testDb.app, stripe: state.stripe!, appUrl: app.url },
        customer.actor,
        { lookupKey, ...(subscribeOptions.quantity ? { quantity: subscribeOptions.quantity } : {}) },
      );
      const { subscription } = await state.fake!.completeCheckout(sessionId, {
        ...(subscribeOptions.paymentMethod ? { paymentMethod: subscribeOptions.paymentMethod } : {}),
      });
      return subscription;
    },
    async entitlementOf(workspaceId) {
      return withTenant(testDb.app, workspaceId, { type: 'system', id: 'test' }, async (tx) => {
        const [row] = await tx.select().from(entitlement).where(eq(entitlement.workspaceId, workspaceId));
        return row;
      });
    },
    async settle() {
      await state.fake!.idle();
      await app.drained();
    },
    async mailsTo(address, tag) {
      return testDb.owner.db
        .select({ subject: capturedMail.subject, text: capturedMail.text, tag: capturedMail.tag })
        .from(capturedMail)
        .where(
          tag ? and(eq(capturedMail.to, address), eq(capturedMail.tag, tag)) : eq(capturedMail.to, address),
        );
    },
  };
  return world;
}

/** What the fake's own state implies, by the catalog's rules: the entitlement we must end up with. */
export function truthOf(fake: FakeStripe, stripeCustomerId: string) {
  const truth = fake.truth(stripeCustomerId);
  const expected = deriveEntitlement(
    truth.subscriptions.map((sub) => subscriptionState(sub, truth.invoices)),
    catalog,
    fake.now(),
  );
  return comparable(expected);
}

/** The parts of an entitlement that decide access, for comparing ours with the truth. */
export function comparable(
  value:
    Pick<Entitlement, 'plan' | 'state' | 'seats' | 'subscriptionStatus' | 'cancelAtPeriodEnd'> | undefined,
) {
  if (!value)
    return { plan: 'free', state: 'free', seats: null, subscriptionStatus: null, cancelAtPeriodEnd: false };
  return {
    plan: value.plan,
    state: value.state,
    seats: value.seats,
    subscriptionStatus: value.subscriptionStatus,
    cancelAtPeriodEnd: value.cancelAtPeriodEnd,
  };
}
