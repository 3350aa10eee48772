import type { Database } from '@plinth/db';
import type { IdempotencyLease } from './begin-idempotent-request';
import type { StoredResponse } from './stored-response';

// Both are fenced by created_at: a holder whose lease was taken over (it ran past
// IN_FLIGHT_LEASE_SECONDS) touches nothing of the new claim's row.
const completeQuery = {
  name: 'plinth_idempotency_complete',
  text: `update idempotency_key set response_status = $4, response_headers = $5, response_body = $6
         where owner_id = $1 and key = $2 and created_at = $3::timestamptz and response_status is null`,
};

const abandonQuery = {
  name: 'plinth_idempotency_abandon',
  text: `delete from idempotency_key
         where owner_id = $1 and key = $2 and created_at = $3::timestamptz and response_status is null`,
};

/** Stores the settled response, so retries within 24 h get it back instead of running again. */
export async function completeIdempotentRequest(
  deps: { database: Database },
  lease: IdempotencyLease,
  response: StoredResponse,
): Promise<void> {
  await deps.database.pool.query({
    ...completeQuery,
    values: [lease.ownerId, lease.key, lease.claimedAt, response.status, response.headers, response.body],
  });
}

/** Releases the key without an answer (a 5xx, a timeout): the client's retry runs the request again. */
export async function abandonIdempotentRequest(
  deps: { database: Database },
  lease: IdempotencyLease,
): Promise<void> {
  await deps.database.pool.query({ ...abandonQuery, values: [lease.ownerId, lease.key, lease.claimedAt] });
}
