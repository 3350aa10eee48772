import { describe, expect, it } from 'vitest';
import { totpCode } from './totp';

describe('totpCode', () => {
  it('matches the RFC 6238 SHA-1 test vectors', () => {
    // RFC 6238 appendix B: secret "12345678901234567890" (ASCII), 8 digits.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, 59_000, 30, 8)).toBe('94287082');
    expect(totpCode(secret, 1_111_111_109_000, 30, 8)).toBe('07081804');
    expect(totpCode(secret, 2_000_000_000_000, 30, 8)).toBe('69279037');
  });
});
