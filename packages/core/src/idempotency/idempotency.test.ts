import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rejectionOf, useTestDatabase } from '@plinth/testing';
import { isAppError } from '../errors/index';
import {
  abandonIdempotentRequest,
  beginIdempotentRequest,
  completeIdempotentRequest,
  IN_FLIGHT_LEASE_SECONDS,
  pruneIdempotencyKeys,
  type IdempotencyClaim,
  type IdempotencyLease,
} from './index';

// The parts of Idempotency-Key that only time exercises — a claim whose node died, a key past its
// 24 h, the hourly prune — driven by moving the rows' timestamps, never by waiting.

const testDb = useTestDatabase();
const deps = () => ({ database: testDb.app });

function claimFor(overrides: Partial<IdempotencyClaim> = {}): IdempotencyClaim {
  return {
    ownerId: `user:${randomUUID()}`,
    key: randomUUID(),
    method: 'POST',
    path: '/api/v1/workspaces/acme/projects',
    requestHash: 'hash-of-the-first-request',
    ...overrides,
  };
}

async function claim(request: IdempotencyClaim): Promise<IdempotencyLease> {
  const started = await beginIdempotentRequest(deps(), request);
  if (started.kind !== 'claimed') throw new Error(`expected a claim, got ${started.kind}`);
  return started.lease;
}

/** Moves a row back in time: its claim (created_at) and/or its expiry. */
async function age(request: IdempotencyClaim, set: string): Promise<void> {
  const { rowCount } = await testDb.owner.pool.query(
    `update idempotency_key set ${set} where owner_id = $1 and key = $2`,
    [request.ownerId, request.key],
  );
  expect(rowCount).toBe(1);
}

async function row(request: IdempotencyClaim) {
  const { rows } = await testDb.owner.pool.query<{
    response_status: number | null;
    response_body: string | null;
  }>('select response_status, response_body from idempotency_key where owner_id = $1 and key = $2', [
    request.ownerId,
    request.key,
  ]);
  return rows[0];
}

const created = (body: string) => ({ status: 201, headers: { 'content-type': 'application/json' }, body });

describe('the in-flight lease', () => {
  it('while the first request runs, the same request is a 409 with Retry-After', async () => {
    const request = claimFor();
    await claim(request);
    const error = await rejectionOf(beginIdempotentRequest(deps(), request));
    expect(isAppError(error) && error.code).toBe('conflict');
    expect(isAppError(error) && error.headers).toEqual({ 'Retry-After': '1' });
  });

  it(`a claim left unfinished past ${IN_FLIGHT_LEASE_SECONDS} s (its node died) is taken over by the retry`, async () => {
    const request = claimFor();
    const dead = await claim(request);
    // Just inside the lease: still blocked.
    await age(request, `created_at = now() - make_interval(secs => ${IN_FLIGHT_LEASE_SECONDS - 5})`);
    expect(isAppError(await rejectionOf(beginIdempotentRequest(deps(), request)))).toBe(true);
    // Past it: the retry claims the key with a lease of its own.
    await age(request, `created_at = now() - make_interval(secs => ${IN_FLIGHT_LEASE_SECONDS + 1})`);
    const retry = await claim(request);
    expect(retry.claimedAt).not.toBe(dead.claimedAt);

    // The first holder wakes up late: its answer and its abandon touch nothing of the new claim.
    await completeIdempotentRequest(deps(), dead, created('{"from":"the dead holder"}'));
    await abandonIdempotentRequest(deps(), dead);
    expect(await row(request)).toEqual({ response_status: null, response_body: null });

    await completeIdempotentRequest(deps(), retry, created('{"from":"the retry"}'));
    const replay = await beginIdempotentRequest(deps(), request);
    expect(replay).toEqual({ kind: 'replay', response: created('{"from":"the retry"}') });
  });

  it('a finished request is never taken over, however old its claim', async () => {
    const request = claimFor();
    const lease = await claim(request);
    await completeIdempotentRequest(deps(), lease, created('{"n":1}'));
    await age(request, `created_at = now() - interval '23 hours'`);
    expect(await beginIdempotentRequest(deps(), request)).toMatchObject({ kind: 'replay' });
  });
});

describe('key expiry', () => {
  it('within 24 h the key replays, and refuses another request; once expired it is a fresh key', async () => {
    const request = claimFor();
    const lease = await claim(request);
    await completeIdempotentRequest(deps(), lease, created('{"n":1}'));
    const other = { ...request, requestHash: 'hash-of-another-request' };
    const reused = await rejectionOf(beginIdempotentRequest(deps(), other));
    expect(isAppError(reused) && reused.code).toBe('idempotency_key_reused');

    await age(request, `expires_at = now() - interval '1 second'`);
    // Expired: the same request runs again instead of replaying, and a new request may use the key.
    const again = await beginIdempotentRequest(deps(), request);
    expect(again.kind).toBe('claimed');
    await abandonIdempotentRequest(deps(), (again as { lease: IdempotencyLease }).lease);
    await claim(request);
    await age(request, `expires_at = now() - interval '1 second'`);
    expect((await beginIdempotentRequest(deps(), other)).kind).toBe('claimed');
  });
});

describe('pruneIdempotencyKeys', () => {
  it('deletes expired keys in batches, keeps live ones and skips a row a request holds', async () => {
    const owner = `user:${randomUUID()}`;
    const expired = Array.from({ length: 5 }, () => claimFor({ ownerId: owner }));
    const live = claimFor({ ownerId: owner });
    const held = claimFor({ ownerId: owner });
    for (const request of [...expired, live, held]) await claim(request);
    for (const request of [...expired, held]) await age(request, `expires_at = now() - interval '1 minute'`);

    // A request holds the `held` row right now (its transaction has it locked).
    const holder = await testDb.owner.pool.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from idempotency_key where owner_id = $1 and key = $2 for update', [
        held.ownerId,
        held.key,
      ]);
      expect(await pruneIdempotencyKeys(testDb.app, 2)).toBe(5);
      await holder.query('commit');
    } finally {
      holder.release();
    }
    const { rows } = await testDb.owner.pool.query<{ key: string }>(
      'select key from idempotency_key where owner_id = $1 order by key',
      [owner],
    );
    expect(rows.map((entry) => entry.key).sort()).toEqual([live.key, held.key].sort());
    // The next run takes the row that was held.
    expect(await pruneIdempotencyKeys(testDb.app)).toBe(1);
  });
});
