import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors/index';
import type { MailUnsubscribeTarget } from '../mail/index';

/** How long the link in a mail keeps working: long enough for a mail read weeks later. */
export const UNSUBSCRIBE_TOKEN_TTL_DAYS = 60;

const payloadSchema = z.strictObject({
  u: z.uuid(),
  c: z.string().regex(/^[a-z_]{1,40}$/),
  w: z.uuid().nullable(),
  e: z.number().int().positive(),
});

/**
 * The key is derived from the auth secret for this one purpose, so a token can never be mistaken
 * for anything else the secret signs, and no new secret has to be configured.
 */
function key(secret: string): Buffer {
  return createHmac('sha256', secret).update('plinth:notifications:unsubscribe:v1').digest();
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', key(secret)).update(body).digest();
}

/** `<base64url JSON>.<base64url HMAC-SHA256>`: who, which category (and workspace), until when. */
export function createUnsubscribeToken(
  secret: string,
  target: MailUnsubscribeTarget,
  now: Date = new Date(),
): string {
  const expires = Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_TOKEN_TTL_DAYS * 86_400;
  const body = Buffer.from(
    JSON.stringify({ u: target.userId, c: target.category, w: target.workspaceId, e: expires }),
  ).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/**
 * The target of a genuine, unexpired token; any other string is a 400 naming `token` (the same
 * answer for tampered, malformed and expired, so the endpoint tells an attacker nothing).
 */
export function verifyUnsubscribeToken(
  secret: string,
  token: unknown,
  now: Date = new Date(),
): MailUnsubscribeTarget {
  const refuse = () =>
    new AppError('invalid_input', 'This unsubscribe link is invalid or has expired.', {
      fields: { token: 'Invalid or expired.' },
    });
  if (typeof token !== 'string' || token.length > 1000) throw refuse();
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) throw refuse();
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.e * 1000 <= now.getTime()) throw refuse();
  return { userId: parsed.data.u, category: parsed.data.c, workspaceId: parsed.data.w };
}

/**
 * The links a mail carries, with one token: `oneClick` for the List-Unsubscribe header (a mail
 * client POSTs to it), and `page` for the footer (a person confirms there; a GET changes nothing,
 * because link scanners follow links).
 */
export function unsubscribeLinks(
  options: { appUrl: string; secret: string },
  target: MailUnsubscribeTarget,
  now?: Date,
): { oneClick: string; page: string } {
  const token = createUnsubscribeToken(options.secret, target, now);
  const oneClick = new URL('/api/notifications/unsubscribe', options.appUrl);
  oneClick.searchParams.set('token', token);
  const page = new URL('/unsubscribe', options.appUrl);
  page.searchParams.set('token', token);
  return { oneClick: oneClick.toString(), page: page.toString() };
}
