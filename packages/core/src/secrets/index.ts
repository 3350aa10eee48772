// Secrets at rest: a SecretBox seals short secrets (webhook signing secrets) with AES-256-GCM under
// SECRETS_ENCRYPTION_KEY, so a database dump alone does not hand them out.
export { createSecretBox, type SecretBox } from './secret-box';
