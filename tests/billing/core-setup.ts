import { afterAll, beforeAll } from 'vitest';
import {
  createStripeClient,
  createSyncLimiter,
  type BillingLinkDeps,
  type SyncDeps,
} from '@plinth/core/billing';
import { resolveMembership, type MemberActor } from '@plinth/core/tenancy';
import type { MemberRole, Workspace } from '@plinth/db';
import { addMember, createUser, createWorkspace, type TestDatabase } from '@plinth/testing';
import { startFakeStripe, type FakeStripe } from '@plinth/testing/fake-stripe';

export const APP_URL = 'http://localhost:3000';

export interface CoreBilling {
  readonly fake: FakeStripe;
  /** What the wiring hands billing: the production client (createStripeClient) pointed at the fake. */
  readonly deps: BillingLinkDeps & SyncDeps;
}

/** A fake Stripe for the file (no webhook endpoint: these tests call syncCustomer themselves). */
export function useCoreBilling(testDb: TestDatabase): CoreBilling {
  const state: { fake?: FakeStripe; deps?: BillingLinkDeps & SyncDeps } = {};
  beforeAll(async () => {
    state.fake = await startFakeStripe({ delivery: 'manual' });
    const { host, port, protocol, secretKey } = state.fake;
    state.deps = {
      database: testDb.app,
      stripe: createStripeClient({ secretKey, host, port, protocol }),
      appUrl: APP_URL,
      now: () => state.fake!.now(),
      syncLimiter: createSyncLimiter(4),
    };
  });
  afterAll(async () => {
    await state.fake?.close();
  });
  return {
    get fake() {
      return state.fake!;
    },
    get deps() {
      return state.deps!;
    },
  };
}

/** A workspace with one person per given role; actors as resolveMembership builds them per request. */
export async function workspaceWith(
  testDb: TestDatabase,
  roles: MemberRole[] = ['owner'],
): Promise<{ workspace: Workspace; actors: MemberActor[] }> {
  const workspace = await createWorkspace(testDb.app);
  const actors: MemberActor[] = [];
  for (const role of roles) {
    const person = await createUser(testDb.app);
    await addMember(testDb.app, { workspace, user: person, role });
    actors.push((await resolveMembership(testDb.app, person.id, workspace.slug)).actor);
  }
  return { workspace, actors };
}
