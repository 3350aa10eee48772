import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 62^43 > 2^256: 43 base62 characters hold any 32 bytes, so every secret has the same length. */
const BODY_LENGTH = 43;
export const API_KEY_PREFIX = 'plk_';
const WELL_FORMED = /^plk_[0-9A-Za-z]{43}$/;

function base62(bytes: Buffer): string {
  let value = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (value > 0n) {
    out = ALPHABET[Number(value % 62n)]! + out;
    value /= 62n;
  }
  return out.padStart(BODY_LENGTH, '0');
}

/** A new secret: `plk_` + base62 of 32 random bytes. Shown once, never stored. */
export function generateApiKeySecret(): string {
  return API_KEY_PREFIX + base62(randomBytes(32));
}

/** What is stored and looked up: SHA-256, hex. The secret has 256 bits, so no slow hash is needed. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** What lists show so people can tell keys apart: `plk_` and the first 8 characters. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + 8);
}

export function isWellFormedApiKey(value: string): boolean {
  return WELL_FORMED.test(value);
}
