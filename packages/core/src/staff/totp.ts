import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { symmetricDecrypt, symmetricEncrypt } from 'better-auth/crypto';
import { twoFactor, user, type Database } from '@plinth/db';

// The TOTP check behind the staff re-authentication, on the secret better-auth's two-factor plugin
// stored (encrypted with the auth secret): the same RFC 6238 parameters (HMAC-SHA1, 30-second
// steps, 6 digits, one step either side) as its /two-factor/verify-totp, so a code the sign-in
// accepts is a code re-authentication accepts.

const PERIOD_SECONDS = 30;
const DIGITS = 6;
const BASE32_PREFIX = 'base32:';
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const truncated = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(truncated % 10 ** DIGITS).padStart(DIGITS, '0');
}

function base32Decode(input: string): Buffer {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of input.replace(/[\s=]/gu, '').toUpperCase()) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index === -1) throw new Error('not base32');
    buffer = ((buffer << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The HMAC key of a stored secret: generated secrets are used as text; imported ones are `base32:…`. */
function keyOf(secret: string): Buffer {
  return secret.startsWith(BASE32_PREFIX)
    ? base32Decode(secret.slice(BASE32_PREFIX.length))
    : Buffer.from(secret, 'utf8');
}

/** Whether `code` is the person's current TOTP code (or the one a step before or after). */
export async function verifyStoredTotp(
  database: Database,
  authSecret: string,
  userId: string,
  code: string,
  now: number = Date.now(),
): Promise<boolean> {
  if (!/^\d{6}$/u.test(code)) return false;
  const [row] = await database.db
    .select({ secret: twoFactor.secret, verified: twoFactor.verified })
    .from(twoFactor)
    .where(eq(twoFactor.userId, userId));
  if (!row || !row.verified) return false;
  const key = keyOf(await symmetricDecrypt({ key: authSecret, data: row.secret }));
  const step = Math.floor(now / 1000 / PERIOD_SECONDS);
  const given = Buffer.from(code);
  return [-1, 0, 1].some((offset) => timingSafeEqual(Buffer.from(hotp(key, step + offset)), given));
}

/**
 * Enrols a TOTP secret for a person as if they had scanned it and confirmed a code: for the demo
 * seed and tests only (a real person enrols on /account/security, proving the password). The secret
 * is a base32 string, stored as better-auth stores an imported one.
 */
export async function enrollTotpForTesting(
  database: Database,
  authSecret: string,
  userId: string,
  base32Secret: string,
): Promise<void> {
  const secret = await symmetricEncrypt({ key: authSecret, data: `${BASE32_PREFIX}${base32Secret}` });
  // Backup codes are required by the schema; none usable (an encrypted empty list).
  const backupCodes = await symmetricEncrypt({ key: authSecret, data: '[]' });
  await database.db.transaction(async (tx) => {
    await tx.delete(twoFactor).where(eq(twoFactor.userId, userId));
    await tx.insert(twoFactor).values({ userId, secret, backupCodes, verified: true });
    await tx.update(user).set({ twoFactorEnabled: true }).where(eq(user.id, userId));
  });
}

/** The current code for a base32 secret (development page and tests). */
export function currentTotpCode(base32Secret: string, now: number = Date.now()): string {
  return hotp(base32Decode(base32Secret), Math.floor(now / 1000 / PERIOD_SECONDS));
}
