import type { Database } from '@plinth/db';
import { AppError } from '../errors/index';
import type { StoredResponse } from './stored-response';

export interface IdempotencyScope {
  /** Who sent it: `user:<id>` or `api_key:<id>`. Two owners never share a key. */
  ownerId: string;
  key: string;
}

export interface IdempotencyClaim extends IdempotencyScope {
  method: string;
  path: string;
  requestHash: string;
}

/** Proof that this request holds the key: finish it with the same lease. */
export interface IdempotencyLease extends IdempotencyScope {
  /**
   * The row's created_at as written by this claim, as Postgres prints it (microseconds; a JS Date
   * would round them away): a fencing token against a holder whose lease was taken over.
   */
  claimedAt: string;
}

export type IdempotencyStart =
  { kind: 'claimed'; lease: IdempotencyLease } | { kind: 'replay'; response: StoredResponse };

/** How long an unfinished claim blocks retries before it is presumed dead (its node crashed). */
export const IN_FLIGHT_LEASE_SECONDS = 120;

// Claims the key, or takes over a row that has expired or whose holder died (no response after the
// lease): one statement, so two concurrent requests can never both claim. The row lock taken by ON
// CONFLICT makes the second wait for the first's insert and then see the row.
const claimQuery = {
  name: 'plinth_idempotency_claim',
  text: `insert into idempotency_key as k (owner_id, key, method, path, request_hash)
         values ($1, $2, $3, $4, $5)
         on conflict (owner_id, key) do update set
           method = excluded.method, path = excluded.path, request_hash = excluded.request_hash,
           response_status = null, response_headers = null, response_body = null,
           created_at = now(), expires_at = now() + interval '24 hours'
         where k.expires_at <= now()
            or (k.response_status is null and k.created_at < now() - make_interval(secs => ${IN_FLIGHT_LEASE_SECONDS}))
         returning k.created_at::text as claimed_at`,
};

const readQuery = {
  name: 'plinth_idempotency_read',
  text: `select request_hash, response_status, response_headers, response_body
         from idempotency_key where owner_id = $1 and key = $2`,
};

interface StoredRow {
  request_hash: string;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
}

/**
 * The first step of an idempotent POST. Either this request claims the key (run the handler, then
 * completeIdempotentRequest or abandonIdempotentRequest), or the key already has an answer:
 * - the same request, finished → `replay` with the stored response;
 * - another request under the same key → `idempotency_key_reused` (422), whatever its state;
 * - the same request, still running → `conflict` (409) with Retry-After.
 */
export async function beginIdempotentRequest(
  deps: { database: Database },
  claim: IdempotencyClaim,
): Promise<IdempotencyStart> {
  // The row may vanish between the two statements (its request failed and abandoned it): claim again.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const claimed = await deps.database.pool.query<{ claimed_at: string }>({
      ...claimQuery,
      values: [claim.ownerId, claim.key, claim.method, claim.path, claim.requestHash],
    });
    const claimedAt = claimed.rows[0]?.claimed_at;
    if (claimedAt) return { kind: 'claimed', lease: { ownerId: claim.ownerId, key: claim.key, claimedAt } };

    const { rows } = await deps.database.pool.query<StoredRow>({
      ...readQuery,
      values: [claim.ownerId, claim.key],
    });
    const row = rows[0];
    if (!row) continue;
    if (row.request_hash !== claim.requestHash) {
      throw new AppError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        { fields: { 'Idempotency-Key': 'Already used with a different method, path or body.' } },
      );
    }
    if (row.response_status === null) {
      throw new AppError(
        'conflict',
        'A request with this Idempotency-Key is still in progress. Retry shortly.',
        {
          headers: { 'Retry-After': '1' },
        },
      );
    }
    return {
      kind: 'replay',
      response: { status: row.response_status, headers: row.response_headers ?? {}, body: row.response_body },
    };
  }
  throw new AppError('conflict', 'This Idempotency-Key is being claimed by another request. Retry shortly.', {
    headers: { 'Retry-After': '1' },
  });
}
