import { createHmac, randomBytes } from 'node:crypto';

/** `whsec_` + 24 random bytes in base64: the Standard Webhooks secret format receivers expect. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/**
 * One `v1,<base64>` signature (Standard Webhooks): HMAC-SHA256, keyed by the secret's bytes, over
 * `<webhook-id>.<webhook-timestamp>.<body>`.
 */
export function signPayload(
  secret: string,
  messageId: string,
  timestampSeconds: number,
  body: string,
): string {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
  const mac = createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers; several secrets (a rotation's overlap) give several signatures. */
export function webhookHeaders(
  secrets: readonly string[],
  messageId: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets
      .map((secret) => signPayload(secret, messageId, timestampSeconds, body))
      .join(' '),
  };
}
