import { readFileSync } from 'node:fs';
import { eq, inArray } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@plinth/core/api-keys';
import { createStripeClient, ensureCustomer, startCheckout, syncCatalog } from '@plinth/core/billing';
import type { MemberActor } from '@plinth/core/tenancy';
import { capturedMail, entitlement, project, webhookEvent, withTenant, workspace } from '@plinth/db';
import { APP_ROLE } from '@plinth/db/constants';
import {
  addMember,
  createUser,
  createWorkspace,
  freePort,
  grantPlan,
  startFakeStripe,
  useTestDatabase,
  type FakeStripe,
} from '@plinth/testing';
import { comparable, truthOf } from '../billing/stripe-world';
import {
  PlinthNode,
  scratchDir,
  secret,
  startHaproxy,
  startPgBouncer,
  waitFor,
  type Haproxy,
  type PgBouncer,
} from './cluster';
import { formatTable, Load, phaseTable, type Attempt, type Tenant } from './load';

// Two api nodes, one web node and two workers behind real HAProxy, all through real PgBouncer in
// transaction mode to one Postgres, under a mixed load while nodes are killed and redeployed.

const testDb = useTestDatabase();
const scratch = scratchDir('topology');
const TICK_QUEUE = 'topology.tick';
const JOBS_SCHEMA = 'pgboss';
/** Concurrent clients, each writing to a workspace of its own (well under the Team plan's 500 projects). */
const VIRTUAL_USERS = 6;

let fake: FakeStripe;
let stripe: Stripe;
let bouncer: PgBouncer;
let proxy: Haproxy;
const nodes: Record<'api1' | 'api2' | 'web1' | 'worker1' | 'worker2', PlinthNode> = {} as never;

interface BillingTenant {
  actor: MemberActor;
  ownerEmail: string;
  customerId: string;
  subscription: Stripe.Subscription;
}
const billingTenants: BillingTenant[] = [];
const loadTenants: Tenant[] = [];

async function signUp(name: string): Promise<{ actor: MemberActor; email: string; slug: string }> {
  const owner = await createUser(testDb.owner);
  const ws = await createWorkspace(testDb.owner, { name });
  await addMember(testDb.owner, { workspace: ws, user: owner, role: 'owner' });
  return {
    actor: { type: 'user', id: owner.id, workspaceId: ws.id, role: 'owner' },
    email: owner.email,
    slug: ws.slug,
  };
}

/** A schedule every minute on a queue of its own: each tick leaves one job, whichever worker's clock fired. */
async function scheduleEveryMinute(): Promise<void> {
  const boss = new PgBoss({
    connectionString: testDb.ownerUrl,
    schema: JOBS_SCHEMA,
    migrate: false,
    schedule: false,
    supervise: false,
  });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue(TICK_QUEUE);
  await boss.schedule(TICK_QUEUE, '* * * * *');
  await boss.stop({ graceful: false, wait: true });
}

beforeAll(async () => {
  fake = await startFakeStripe({ delivery: 'manual' });
  stripe = createStripeClient({
    secretKey: fake.secretKey,
    host: fake.host,
    port: fake.port,
    protocol: fake.protocol,
  });
  const server = new URL(testDb.ownerUrl);
  const appPassword = decodeURIComponent(new URL(testDb.appUrl).password);
  bouncer = await startPgBouncer({
    serverHost: server.hostname,
    serverPort: Number(server.port),
    users: { [APP_ROLE]: appPassword },
    poolSize: 20,
    dir: scratch.dir,
  });
  const ports = { api1: await freePort(), api2: await freePort(), web1: await freePort() };
  proxy = await startHaproxy({
    api: [
      { name: 'api1', port: ports.api1 },
      { name: 'api2', port: ports.api2 },
    ],
    web: [{ name: 'web1', port: ports.web1 }],
    dir: scratch.dir,
  });
  fake.setWebhookEndpoint(`${proxy.url}/api/webhooks/stripe`);
  await syncCatalog({ database: testDb.app, stripe, appUrl: proxy.url });
  await scheduleEveryMinute();

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    APP_URL: proxy.url,
    AUTH_SECRET: secret(),
    // Migrations (owner, session-level advisory lock) go straight to Postgres; the app through the pooler.
    DATABASE_URL: testDb.ownerUrl,
    DATABASE_APP_URL: bouncer.url(APP_ROLE, appPassword, testDb.name),
    DATABASE_PREPARED_STATEMENTS: 'false',
    DATABASE_POOL_MAX: '8',
    TRUSTED_PROXIES: '127.0.0.1',
    API_RATE_LIMIT_SCALE: '1000',
    JOBS_POLL_INTERVAL_SECONDS: '0.5',
    // At SIGTERM readiness answers 503 this long before the server closes: two failed checks 500 ms
    // apart take the node out of HAProxy's rotation first.
    SHUTDOWN_DRAIN_DELAY_MS: '1500',
    MAIL_TRANSPORT: 'capture',
    STRIPE_SECRET_KEY: fake.secretKey,
    STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
    STRIPE_API_BASE: fake.url,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  nodes.api1 = new PlinthNode('api1', 'api', ports.api1, env, scratch.dir);
  nodes.api2 = new PlinthNode('api2', 'api', ports.api2, env, scratch.dir);
  nodes.web1 = new PlinthNode('web1', 'web', ports.web1, env, scratch.dir);
  nodes.worker1 = new PlinthNode('worker1', 'worker', 0, env, scratch.dir);
  nodes.worker2 = new PlinthNode('worker2', 'worker', 0, env, scratch.dir);
  await Promise.all(Object.values(nodes).map((node) => node.start()));
  for (const name of ['api1', 'api2', 'web1'] as const) await serving(name);

  for (let n = 0; n < VIRTUAL_USERS; n++) {
    const { actor, slug } = await signUp(`Load ${n}`);
    await grantPlan(testDb.owner, { workspace: { id: actor.workspaceId }, plan: 'team', seats: 50 });
    const { secret: apiKey } = await createApiKey({ database: testDb.app }, actor, {
      name: 'load',
      scopes: ['project.read', 'project.create', 'member.invite'],
    });
    loadTenants.push({ slug, apiKey });
  }
  for (let n = 0; n < 4; n++) {
    const { actor, email } = await signUp(`Billing ${n}`);
    const customerId = await ensureCustomer({ database: testDb.app, stripe }, actor);
    const { sessionId } = await startCheckout({ database: testDb.app, stripe, appUrl: proxy.url }, actor, {
      lookupKey: 'team_monthly',
      quantity: 2,
    });
    const { subscription } = await fake.completeCheckout(sessionId, {});
    billingTenants.push({ actor, ownerEmail: email, customerId, subscription });
  }
}, 240_000);

afterAll(async () => {
  await Promise.all(Object.values(nodes).map((node) => node.stop()));
  await proxy?.stop();
  await bouncer?.stop();
  await fake?.close();
  if (process.env.TOPOLOGY_KEEP_LOGS) console.info(`node logs kept in ${scratch.dir}`);
  else scratch.remove();
});

/** The proxy sends this node traffic again (its health check passed). */
async function serving(name: 'api1' | 'api2' | 'web1'): Promise<void> {
  const backend = name.startsWith('api') ? 'api' : 'web';
  await waitFor(`HAProxy to see ${name} UP`, async () => {
    if ((await proxy.serverStatus(backend, name)) === 'UP') return true;
    throw new Error(`last check: ${await proxy.lastCheck(backend, name)}`);
  });
}

/** Delivers everything the fake has queued, redelivering what failed, as Stripe retries. */
async function deliverAll(): Promise<void> {
  await waitFor(
    'every webhook delivered',
    async () => {
      const result = await fake.deliver({ parallelism: 4 });
      return result.failures === 0 && fake.pendingEvents().length === 0;
    },
    60_000,
  );
}

/** The failed attempts with their messages, and what HAProxy logged for requests it did not end normally. */
async function explain(attempts: Attempt[]): Promise<string> {
  const lines = attempts.map(
    (attempt) =>
      `  ${attempt.phase} op#${attempt.operation} try ${attempt.attempt + 1} ${attempt.op} ${attempt.detail} ${attempt.message ?? ''}`,
  );
  // httplog: "... <termination_state> <actconn>/..." — "----" is a normal end; anything else names
  // who ended the session (C client, S server, P proxy, c/s timeouts) and in which phase.
  const abnormal = readFileSync(proxy.logFile, 'utf8')
    .split('\n')
    .filter(
      (line) => /\s(?!----)[A-Za-z-]{4}\s\d+\/\d+\/\d+\/\d+\/\d+\s/.test(line) && !line.includes(' ---- '),
    );
  return [
    ...lines,
    '  HAProxy, sessions not ended normally:',
    ...abnormal.slice(-40).map((line) => `    ${line}`),
  ].join('\n');
}

/** Jobs of a queue by state, read from pg-boss's table as the owner. */
async function jobsOf(
  queue: string,
): Promise<{ state: string; data: unknown; created: Date; started: Date | null }[]> {
  const { rows } = await testDb.owner.pool.query(
    `select state, data, created_on as created, started_on as started from ${JOBS_SCHEMA}.job where name = $1`,
    [queue],
  );
  return rows as never;
}

describe('topology: 2 api + 1 web + 2 workers behind HAProxy, through PgBouncer (transaction mode)', () => {
  it('loses no acknowledged write and duplicates no side effect through a kill -9 and a rolling deploy', async () => {
    const load = new Load(proxy.url, loadTenants, { invitationsPerTenant: 12 });
    const phases: { phase: string; seconds: number }[] = [];
    let phaseStart = performance.now();
    const enter = (phase: string) => {
      if (load.phase !== 'warm-up')
        phases.push({ phase: load.phase, seconds: (performance.now() - phaseStart) / 1000 });
      load.phase = phase;
      phaseStart = performance.now();
    };
    const untilAttempts = (phase: string, count: number) =>
      waitFor(`${count} requests in phase ${phase}`, () => load.countIn(phase) >= count, 120_000);

    load.start(VIRTUAL_USERS);
    await waitFor('the load to warm up', () => load.countIn('warm-up') >= 30);
    enter('before');
    await deliverAll(); // the four checkouts' events
    await untilAttempts('before', 300);

    // kill -9 an api node and a worker with work in flight, and webhooks arriving meanwhile.
    enter('kill');
    const [first, second, third, fourth] = billingTenants as [
      BillingTenant,
      BillingTenant,
      BillingTenant,
      BillingTenant,
    ];
    const item = (tenant: BillingTenant) => tenant.subscription.items.data[0]!.id;
    await stripe.subscriptions.update(first.subscription.id, { items: [{ id: item(first), quantity: 3 }] });
    await stripe.subscriptions.update(second.subscription.id, { items: [{ id: item(second), quantity: 5 }] });
    await fake.renew(third.subscription.id, { outcome: 'failed' });
    await stripe.subscriptions.cancel(fourth.subscription.id);
    const delivering = fake.deliver({ parallelism: 4, duplicateRate: 0.5, order: 'shuffle', seed: 11 });
    const killedAt = new Date();
    await Promise.all([nodes.api1.kill(), nodes.worker1.kill()]);
    await delivering;
    await Promise.all([nodes.api1.start(), nodes.worker1.start()]);
    await serving('api1');
    await deliverAll();

    enter('steady');
    await untilAttempts('steady', 200);

    // A rolling deploy: each api node stopped (SIGTERM, drained) and started again, one by one.
    enter('rolling');
    for (const name of ['api1', 'api2'] as const) {
      expect(await nodes[name].stop()).toBe(0);
      await nodes[name].start();
      await serving(name);
    }

    enter('after');
    await untilAttempts('after', 300);
    enter('done');
    await load.stop();

    const rows = phaseTable(load.attempts, phases);
    console.info(`\ntopology under load (6 clients through HAProxy):\n${formatTable(rows)}\n`);
    const byPhase = Object.fromEntries(rows.map((row) => [row.phase, row]));
    const network = load.attempts.filter((attempt) => attempt.message !== undefined);
    if (network.length > 0) console.info(`connection failures:\n${await explain(network)}\n`);

    // Clients: every operation eventually succeeded; errors only while a node died, all retriable.
    // A write the killed node had in flight keeps its Idempotency-Key claimed until the lease ends
    // (IN_FLIGHT_LEASE_SECONDS), so its retries see 409 "still running" into the later phases: those
    // belong to an operation that first failed during the kill. Any other failed attempt is a defect.
    expect(load.failed).toEqual([]);
    expect(byPhase.kill!.errors).toBe(0);
    const firstFailure = new Map<number, string>();
    for (const attempt of load.attempts) {
      if (attempt.outcome !== 'ok' && !firstFailure.has(attempt.operation))
        firstFailure.set(attempt.operation, attempt.phase);
    }
    const unexpected = load.attempts.filter(
      (attempt) =>
        attempt.outcome !== 'ok' &&
        attempt.phase !== 'warm-up' &&
        !(
          firstFailure.get(attempt.operation) === 'kill' &&
          (attempt.phase === 'kill' || attempt.detail === '409')
        ),
    );
    if (unexpected.length > 0) console.info(`unexpected failed attempts:\n${await explain(unexpected)}`);
    expect(unexpected.map((attempt) => `${attempt.phase} ${attempt.op} ${attempt.detail}`)).toEqual([]);
    const kinds = new Set(load.attempts.filter((a) => a.outcome !== 'ok').map((a) => a.detail));
    for (const kind of kinds) expect(['502', '503', '504', '409', 'ECONNRESET']).toContain(kind);

    // Writes: every acknowledged project exists exactly once, and nothing unacknowledged was created.
    for (const tenant of loadTenants) {
      const rowsOf = await testDb.owner.db
        .select({ name: project.name })
        .from(project)
        .innerJoin(workspace, eq(workspace.id, project.workspaceId))
        .where(eq(workspace.slug, tenant.slug));
      const names = rowsOf.map((row) => row.name).sort();
      expect(names, tenant.slug).toEqual([...(load.ackedProjects.get(tenant.slug) ?? [])].sort());
    }

    // Mails: one per acknowledged invitation, never two (a job the killed worker held stays
    // active until its expiry and is accounted for, not waited for).
    const invited = [...load.ackedInvitations.values()].flatMap((set) => [...set]);
    expect(invited.length).toBeGreaterThan(0);
    const stranded = await waitFor('the mail queue to drain', async () => {
      // The outbox and the queue in one snapshot: an event is either still in the outbox or a job.
      const { rows } = await testDb.owner.pool.query<{ unpublished: number; waiting: number }>(
        `select (select count(*)::int from outbox where topic = 'mail.send' and published_at is null) as unpublished,
                (select count(*)::int from ${JOBS_SCHEMA}.job where name = 'mail.send' and state in ('created', 'retry')) as waiting`,
      );
      if (rows[0]!.unpublished > 0 || rows[0]!.waiting > 0) return undefined;
      const jobs = await jobsOf('mail.send');
      const active = jobs.filter((job) => job.state === 'active');
      if (active.some((job) => !job.started || job.started > killedAt)) return undefined;
      return active.map((job) => (job.data as { to: string }).to);
    });
    const mails = await testDb.owner.db
      .select({ to: capturedMail.to, tag: capturedMail.tag })
      .from(capturedMail)
      .where(inArray(capturedMail.to, invited));
    const received = new Map<string, number>();
    for (const mail of mails) received.set(mail.to, (received.get(mail.to) ?? 0) + 1);
    for (const email of invited) {
      expect(received.get(email) ?? 0, email).toBe(stranded.includes(email) ? 0 : 1);
    }

    // Webhooks: every event the fake sent is in the inbox once and processed; entitlements equal
    // Stripe's truth; each billing mail went out once despite duplicated deliveries.
    const sent = fake.events().map((event) => event.id);
    await waitFor(
      'every webhook processed',
      async () => {
        const inbox = await testDb.owner.db
          .select({ id: webhookEvent.id, status: webhookEvent.status })
          .from(webhookEvent)
          .where(inArray(webhookEvent.id, sent));
        return (
          inbox.length === sent.length &&
          inbox.every((row) => row.status === 'processed' || row.status === 'ignored')
        );
      },
      60_000,
    );
    for (const tenant of billingTenants) {
      const row = await withTenant(
        testDb.app,
        tenant.actor.workspaceId,
        { type: 'system', id: 'test' },
        async (tx) => {
          const [found] = await tx
            .select()
            .from(entitlement)
            .where(eq(entitlement.workspaceId, tenant.actor.workspaceId));
          return found;
        },
      );
      expect(comparable(row), tenant.customerId).toEqual(truthOf(fake, tenant.customerId));
    }
    const billingMails = async (to: string, tag: string) =>
      (
        await testDb.owner.db
          .select({ tag: capturedMail.tag, to: capturedMail.to })
          .from(capturedMail)
          .where(eq(capturedMail.to, to))
      ).filter((mail) => mail.tag === tag).length;
    expect(await billingMails(third.ownerEmail, 'billing-payment-failed')).toBe(1);
    expect(await billingMails(fourth.ownerEmail, 'billing-subscription-canceled')).toBe(1);

    // Schedules: one job per minute on the every-minute schedule, with two worker clocks running.
    const ticks = await waitFor(
      'two ticks of the every-minute schedule',
      async () => {
        const jobs = await jobsOf(TICK_QUEUE);
        return jobs.length >= 2 ? jobs : undefined;
      },
      150_000,
    );
    const perMinute = new Map<number, number>();
    for (const job of ticks) {
      const minute = Math.floor(job.created.getTime() / 60_000);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    expect(
      [...perMinute.values()].every((count) => count === 1),
      JSON.stringify([...perMinute]),
    ).toBe(true);
  });

  it('shares rate limits across api nodes: ten failed sign-ins for one address, then 429 on either node', async () => {
    const email = `limited-${secret(4)}@example.test`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 14; attempt++) {
      const response = await fetch(`${proxy.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: proxy.url },
        body: JSON.stringify({ email, password: `wrong-password-${attempt}` }),
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    // Round robin alternates the nodes: a per-node counter would allow ten on each.
    expect(statuses).toEqual([...Array<number>(10).fill(401), ...Array<number>(4).fill(429)]);
  });
});
