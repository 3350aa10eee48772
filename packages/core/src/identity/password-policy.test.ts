import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hashing';
import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it('accepts a long unusual password', () => {
    expect(passwordProblem('violet-harbor-71-quietly')).toBeNull();
  });
  it('refuses short, common, repetitive and email-based passwords', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('Password1234')).toMatch(/too common/);
    expect(passwordProblem('aaaaaaaaaaaaaaab')).toMatch(/too easy/);
    expect(passwordProblem('olivia.owner-secret', 'olivia.owner@acme.test')).toMatch(/email/);
  });
});

describe('argon2id hashing', () => {
  it('produces an argon2id hash that verifies only the right password', async () => {
    const stored = await hashPassword('violet-harbor-71-quietly');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword({ hash: stored, password: 'violet-harbor-71-quietly' })).toBe(true);
    expect(await verifyPassword({ hash: stored, password: 'violet-harbor-71-quietlY' })).toBe(false);
    expect(await verifyPassword({ hash: 'not-a-hash', password: 'x' })).toBe(false);
  });
});
