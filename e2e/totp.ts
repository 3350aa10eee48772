import { createHmac } from 'node:crypto';

// RFC 6238 TOTP as an authenticator app computes it (HMAC-SHA1, 30-second steps, 6 digits), so the
// browser tests can pass a real second factor without a phone.

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 to bytes; padding, spaces and lower case (as people type keys) are accepted. */
export function base32Decode(input: string): Buffer {
  const clean = input.replace(/[\s=]/gu, '').toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bitCount = 0;
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index === -1) throw new Error(`Not a base32 character: ${JSON.stringify(char)}`);
    buffer = ((buffer << 5) | index) & 0xffff;
    bitCount += 5;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes.push((buffer >> bitCount) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** RFC 4226 HOTP for one counter value. */
export function hotp(key: Buffer, counter: number, digits = 6): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const truncated = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(truncated % 10 ** digits).padStart(digits, '0');
}

export interface TotpOptions {
  /** Milliseconds since the epoch; defaults to now. */
  at?: number;
  /** Whole time steps to move from `at`: +1 is the code an app shows in the next 30 seconds. */
  stepOffset?: number;
  periodSeconds?: number;
  digits?: number;
}

/** The code an authenticator app shows for a base32 secret. */
export function totp(base32Secret: string, options: TotpOptions = {}): string {
  const { at = Date.now(), stepOffset = 0, periodSeconds = 30, digits = 6 } = options;
  const counter = Math.floor(at / 1000 / periodSeconds) + stepOffset;
  return hotp(base32Decode(base32Secret), counter, digits);
}
