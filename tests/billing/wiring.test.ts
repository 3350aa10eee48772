import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeClient, startCheckout, syncCatalog } from '@plinth/core/billing';
import { reconcileCustomersQueue, reconcileEventsQueue } from '@plinth/core/billing-events';
import { createLogger } from '@plinth/core/logger';
import { entitlement, withTenant } from '@plinth/db';
import {
  addMember,
  createUser,
  createWorkspace,
  freePort,
  startFakeStripe,
  useTestDatabase,
  type FakeStripe,
} from '@plinth/testing';
import { startPlinth, type RunningPlinth } from '../../apps/server/src/start';

const testDb = useTestDatabase();
let fake: FakeStripe;
const nodes: RunningPlinth[] = [];
let url = '';

// Production's wiring, not the tests' own: an API node and a worker node started by startPlinth
// with STRIPE_* set, the way `npm start` runs them.
beforeAll(async () => {
  fake = await startFakeStripe();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const env = {
    ...testDb.env,
    port,
    host: '127.0.0.1',
    appUrl: url,
    billing: {
      ...testDb.env.billing,
      stripeSecretKey: fake.secretKey,
      stripeWebhookSecret: fake.webhookSecret,
      stripeApiBase: fake.url,
    },
  };
  const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  nodes.push(await startPlinth({ ...env, role: 'api' }, testDb.ownerUrl, { logger }));
  nodes.push(await startPlinth({ ...env, role: 'worker' }, testDb.ownerUrl, { logger }));
  fake.setWebhookEndpoint(`${url}/api/webhooks/stripe`);
});

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.stop()));
  await fake?.close();
});

describe('billing in the production wiring', () => {
  it('the API node takes Stripe webhooks and the worker node turns them into the entitlement', async () => {
    const stripe = createStripeClient({
      secretKey: fake.secretKey,
      host: fake.host,
      port: fake.port,
      protocol: 'http',
    });
    await syncCatalog({ database: testDb.app, stripe, appUrl: url });
    const owner = await createUser(testDb.owner);
    const workspace = await createWorkspace(testDb.owner);
    await addMember(testDb.owner, { workspace, user: owner, role: 'owner' });
    const { sessionId } = await startCheckout(
      { database: testDb.app, stripe, appUrl: url },
      { type: 'user', id: owner.id, workspaceId: workspace.id, role: 'owner' },
      { lookupKey: 'team_monthly', quantity: 3 },
    );
    await fake.completeCheckout(sessionId);
    const deadline = Date.now() + 20_000;
    let plan: { plan: string; seats: number | null } | undefined;
    while (Date.now() < deadline) {
      plan = await withTenant(testDb.app, workspace.id, { type: 'system', id: 'test' }, async (tx) => {
        const [row] = await tx
          .select({ plan: entitlement.plan, seats: entitlement.seats })
          .from(entitlement)
          .where(eq(entitlement.workspaceId, workspace.id));
        return row;
      });
      if (plan?.plan === 'team') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(plan).toEqual({ plan: 'team', seats: 3 });
  });

  it('the worker node schedules both reconciliation passes', async () => {
    const { rows } = await testDb.owner.pool.query<{ name: string; cron: string }>(
      `select name, cron from ${testDb.env.jobsSchema}.schedule where name like 'billing.%' order by name`,
    );
    expect(rows).toEqual([
      { name: reconcileCustomersQueue.name, cron: '37 4 * * *' },
      { name: reconcileEventsQueue.name, cron: '*/10 * * * *' },
    ]);
  });
});
