import { describe, expect, it } from 'vitest';
import { base32Decode, totp } from './totp';

// The browser test trusts this implementation to stand in for an authenticator app, so it is
// checked against the RFC's own vectors first.
describe('the e2e TOTP helper', () => {
  // RFC 6238 appendix B: SHA-1 secret "12345678901234567890", 8 digits.
  const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('decodes base32 like RFC 4648', () => {
    expect(base32Decode(rfcSecret).toString('ascii')).toBe('12345678901234567890');
    expect(base32Decode('MZXW6YTBOI======').toString('ascii')).toBe('foobar');
    expect(base32Decode('mzxw 6ytb oi').toString('ascii')).toBe('foobar');
  });

  it('matches the RFC 6238 SHA-1 test vectors', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, expected] of vectors) {
      expect(totp(rfcSecret, { at: seconds * 1000, digits: 8 })).toBe(expected);
    }
  });

  it('gives six digits by default, and the next step on request', () => {
    expect(totp(rfcSecret, { at: 59_000 })).toBe('287082');
    expect(totp(rfcSecret, { at: 29_000, stepOffset: 1 })).toBe(totp(rfcSecret, { at: 59_000 }));
  });
});
