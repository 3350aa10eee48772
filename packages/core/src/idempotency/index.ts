// Idempotency: POST requests carrying an Idempotency-Key run once per (sender, key) and are
// replayed for 24 h — the claim, the stored response, the reuse/in-flight errors, and pruning.
export { IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from './idempotency-key';
export { idempotentRequestHash, type IdempotentRequest } from './request-hash';
export { isReplayableStatus, replayedHeaders, type StoredResponse } from './stored-response';
export {
  beginIdempotentRequest,
  IN_FLIGHT_LEASE_SECONDS,
  type IdempotencyClaim,
  type IdempotencyLease,
  type IdempotencyScope,
  type IdempotencyStart,
} from './begin-idempotent-request';
export { abandonIdempotentRequest, completeIdempotentRequest } from './finish-idempotent-request';
export { idempotencyPruneQueue, pruneIdempotencyKeys } from './prune-idempotency-keys';
