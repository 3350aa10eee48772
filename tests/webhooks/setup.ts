import { afterAll, beforeAll } from 'vitest';
import { createSecretBox } from '@plinth/core/secrets';
import { createLogger } from '@plinth/core/logger';
import { JobQueue, platformQueues, type QueueDefinition } from '@plinth/core/jobs';
import { mailQueue } from '@plinth/core/mail';
import { startOutboxRelay } from '@plinth/core/outbox';
import type { MemberActor } from '@plinth/core/tenancy';
import { EVENTS_TOPIC } from '@plinth/core/events';
import {
  registerWebhookJobs,
  webhookQueues,
  type DeliveryWorkerDeps,
  type Dispatcher,
  type EgressPolicy,
} from '@plinth/core/webhooks';
import {
  addMember,
  createUser,
  createWorkspace,
  installTestQueues,
  type TestDatabase,
} from '@plinth/testing';

export const logger = createLogger({ level: 'silent' });
export const secrets = createSecretBox(Buffer.alloc(32, 9).toString('base64'));
/** Loopback receivers only: this policy is the development allowance, never production's. */
export const loopbackEgress: EgressPolicy = { requireHttps: false, allowPrivate: 'loopback' };

/** The queues these tests install (`overrides` applies to the legacy delivery queue). */
export function testQueues(overrides: Partial<QueueDefinition> = {}): QueueDefinition[] {
  return [
    ...platformQueues,
    mailQueue,
    ...webhookQueues.map((queue) => (queue.name === 'webhooks.deliver' ? { ...queue, ...overrides } : queue)),
  ];
}

/**
 * A worker node for the file: the job queue and the webhook dispatcher running (fast polling, short
 * retry schedule), and the outbox relay moving the other committed events on.
 */
const dispatcherOptions = { concurrency: 16, pollIntervalMs: 50, schedulePrune: false };

export function useWebhookWorker(
  testDb: TestDatabase,
  options: {
    retryScheduleSeconds?: number[];
    timeoutMs?: number;
    queueOverrides?: Partial<QueueDefinition>;
    /** Install the queues and build the worker, but start working only on resume(). */
    startPaused?: boolean;
  } = {},
) {
  const state: {
    jobs?: JobQueue;
    deps?: DeliveryWorkerDeps;
    relay?: { stop(): Promise<void> };
    dispatcher?: Dispatcher;
  } = {};
  beforeAll(async () => {
    const queues = testQueues(options.queueOverrides);
    await installTestQueues(testDb, queues);
    const jobs = new JobQueue({
      connectionString: testDb.appUrl,
      schema: testDb.env.jobsSchema,
      logger,
      queues,
      runsWorkers: true,
      pollingIntervalSeconds: 0.5,
      maintenanceIntervalSeconds: 1,
    });
    await jobs.start();
    const deps: DeliveryWorkerDeps = {
      database: testDb.app,
      jobs,
      logger,
      appUrl: 'http://localhost:3000',
      secrets,
      egress: loopbackEgress,
      retryScheduleSeconds: options.retryScheduleSeconds ?? [1, 1, 1, 1, 1, 1, 1, 1],
      timeoutMs: options.timeoutMs ?? 2_000,
    };
    state.jobs = jobs;
    state.deps = deps;
    // The outbox relay of a worker node, polling fast: committed events move on by themselves.
    // Webhook events leave the outbox through the dispatcher's fan-out, as on a worker node.
    state.relay = startOutboxRelay(
      { database: testDb.app, jobs, logger, consumedElsewhere: [EVENTS_TOPIC] },
      50,
    );
    if (!options.startPaused) state.dispatcher = await registerWebhookJobs(deps, dispatcherOptions);
  });
  afterAll(async () => {
    await state.relay?.stop();
    await state.dispatcher?.stop(2_000);
    await state.jobs?.stop(2_000);
  });
  return {
    get jobs() {
      return state.jobs!;
    },
    get deps() {
      return state.deps!;
    },
    resume: async () => {
      state.dispatcher = await registerWebhookJobs(state.deps!, dispatcherOptions);
    },
  };
}

/** A workspace with an owner, and the owner as the actor core functions take. */
export async function workspaceWithOwner(testDb: TestDatabase) {
  const workspace = await createWorkspace(testDb.app);
  const owner = await createUser(testDb.app);
  await addMember(testDb.app, { workspace, user: owner, role: 'owner' });
  const actor: MemberActor = { type: 'user', id: owner.id, workspaceId: workspace.id, role: 'owner' };
  return { workspace, owner, actor };
}

/** Polls `check` until it returns a value that is not undefined. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
