import { afterAll, beforeAll } from 'vitest';
import type { Env } from '@plinth/core/env';
import { createApiKey } from '@plinth/core/api-keys';
import { catalog } from '@plinth/core/billing';
import { createLogger } from '@plinth/core/logger';
import { resolveMembership } from '@plinth/core/tenancy';
import { addMember, createUser, createWorkspace, type TestDatabase } from '@plinth/testing';
import { startPlinth, type RunningPlinth } from '../../apps/server/src/start';

// Shared by tests/api/rate-limit*.test.ts and idempotency*.test.ts: real API nodes on the test
// database, and workspaces with API keys made through the core functions the key routes call.

export type Plan = 'free' | 'pro' | 'team';

/**
 * `count` API nodes (PLINTH_ROLE=api, each its own Hono app, pool and rate limiter) on one database,
 * as production runs several behind a load balancer. 127.0.0.1 is a trusted proxy, so a test picks
 * its client address with X-Forwarded-For.
 */
export function useApiNodes(
  testDb: TestDatabase,
  count: number,
  overrides: Partial<Env> = {},
): { urls: string[]; sync(): Promise<void> } {
  const nodes: RunningPlinth[] = [];
  const urls: string[] = [];
  beforeAll(async () => {
    const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
    for (let index = 0; index < count; index++) {
      const env: Env = {
        ...testDb.env,
        role: 'api',
        port: 0,
        host: '127.0.0.1',
        trustedProxies: ['127.0.0.1'],
        ...overrides,
      };
      const node = await startPlinth(env, testDb.ownerUrl, { logger });
      nodes.push(node);
      urls.push(node.url!.replace('localhost', '127.0.0.1'));
    }
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
  });
  return {
    urls,
    /**
     * A sync point instead of a sleep: every node sends what it counted, then every node reads the
     * others' totals (two rounds, so the first node also sees what the last one sent).
     */
    async sync() {
      for (let round = 0; round < 2; round++) {
        for (const node of nodes) await node.wiring.rateLimiter.flush();
      }
    },
  };
}

let counter = 0;

/** A workspace on `plan` with an owner and one API key per entry of `keys` (their secrets). */
export async function workspaceWithKeys(
  testDb: TestDatabase,
  plan: Plan,
  keys = 1,
): Promise<{ slug: string; workspaceId: string; ownerId: string; secrets: string[] }> {
  const owner = await createUser(testDb.app);
  const workspace = await createWorkspace(testDb.app);
  await addMember(testDb.app, { workspace, user: owner, role: 'owner' });
  await setPlan(testDb, workspace.id, plan);
  const { actor } = await resolveMembership(testDb.app, owner.id, workspace.slug);
  const secrets: string[] = [];
  for (let index = 0; index < keys; index++) {
    const { secret } = await createApiKey({ database: testDb.app }, actor, {
      name: `key ${++counter}`,
      scopes: ['project.read', 'project.create'],
    });
    secrets.push(secret);
  }
  return { slug: workspace.slug, workspaceId: workspace.id, ownerId: owner.id, secrets };
}

/** The plan as billing leaves it: the entitlement row (free when there is none). */
export async function setPlan(testDb: TestDatabase, workspaceId: string, plan: Plan): Promise<void> {
  if (plan === 'free') return;
  await testDb.owner.pool.query(
    `insert into entitlement (workspace_id, plan, state, features, limits)
     values ($1, $2, 'active', $3, '{"members": 50, "projects": 500}')
     on conflict (workspace_id) do update set plan = excluded.plan, features = excluded.features`,
    // The plan's features as the catalog declares them: requireFeature() checks them.
    [workspaceId, plan, JSON.stringify(catalog.plans[plan].features)],
  );
}

/** One request as an API client at `ip` sends it. */
export async function call(
  url: string,
  path: string,
  options: { key?: string; ip: string; method?: string; body?: unknown; headers?: Record<string, string> },
) {
  const headers: Record<string, string> = { 'x-forwarded-for': options.ip, ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    data: (text ? JSON.parse(text) : undefined) as Record<string, unknown> | undefined,
  };
}
