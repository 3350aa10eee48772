// API keys: workspace credentials with scopes from the permission table — minting (secret shown
// once, SHA-256 stored), listing, revoking, the one-query lookup per request and batched last-use.
export { createApiKey, listApiKeys, revokeApiKey, type ApiKeyView } from './manage-api-keys';
export { resolveApiKey, type ResolvedApiKey } from './resolve-api-key';
export { createApiKeyUsageRecorder, type ApiKeyUsageRecorder } from './usage-recorder';
export { API_KEY_PREFIX, isWellFormedApiKey } from './secret';
export * from './schemas';
