// API keys: workspace credentials with scopes from the permission table — minting (secret shown
// once, SHA-256 stored), listing, revoking, the one-query lookup per request and batched last-use.
//
// Lineage: a key scoped `api_key.manage` mints keys within its scopes and expiry (a key-minted key
// must expire, no later than its parent), answerable to the same person. The table does not record
// which key minted which (no `parent_key_id` yet: a schema change for the lead), so revoking a key
// leaves the keys it minted working until they expire; revoke those too (the audit log's
// `api_key.created` rows name the minting key as their actor).
export { createApiKey, listApiKeys, revokeApiKey, type ApiKeyView } from './manage-api-keys';
export { resolveApiKey, type ResolvedApiKey } from './resolve-api-key';
export { createApiKeyUsageRecorder, type ApiKeyUsageRecorder } from './usage-recorder';
export { API_KEY_PREFIX, isWellFormedApiKey } from './secret';
export * from './schemas';
