import { beforeAll, describe, expect, it } from 'vitest';
import { thrownBy } from '@plinth/testing';
import { hashPassword, setPasswordHashingForTests, verifyPassword } from './password-hashing';
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
  // `npm test` hashes at test-only parameters (tests/fast-password-hashing.ts); this is about production's.
  beforeAll(() => setPasswordHashingForTests('production'));

  it('produces an argon2id hash that verifies only the right password', async () => {
    const stored = await hashPassword('violet-harbor-71-quietly');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword({ hash: stored, password: 'violet-harbor-71-quietly' })).toBe(true);
    expect(await verifyPassword({ hash: stored, password: 'violet-harbor-71-quietlY' })).toBe(false);
    expect(await verifyPassword({ hash: 'not-a-hash', password: 'x' })).toBe(false);
  });

  it('verifies a hash made at the test-only parameters by what it records, and refuses outside NODE_ENV=test', async () => {
    setPasswordHashingForTests('fast');
    const cheap = await hashPassword('violet-harbor-71-quietly');
    setPasswordHashingForTests('production');
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    expect(await verifyPassword({ hash: cheap, password: 'violet-harbor-71-quietly' })).toBe(true);
    expect(await verifyPassword({ hash: cheap, password: 'violet-harbor-71-quietlY' })).toBe(false);
    expect(await hashPassword('violet-harbor-71-quietly')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    for (const nodeEnv of ['production', 'development'] as const) {
      const refusal = thrownBy(() => setPasswordHashingForTests('fast', { nodeEnv })) as Error;
      expect(refusal.message).toMatch(/NODE_ENV=test only/);
    }
    expect(await hashPassword('violet-harbor-71-quietly')).toMatch(/m=19456,t=2,p=1/);
  });
});
