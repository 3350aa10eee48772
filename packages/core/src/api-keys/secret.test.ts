import { describe, expect, it } from 'vitest';
import { displayPrefix, generateApiKeySecret, hashApiKeySecret, isWellFormedApiKey } from './secret';

describe('API key secrets', () => {
  it('are plk_ + 43 base62 characters, all different, with an 8-character display prefix', () => {
    const secrets = Array.from({ length: 200 }, generateApiKeySecret);
    for (const secret of secrets) {
      expect(secret).toMatch(/^plk_[0-9A-Za-z]{43}$/);
      expect(isWellFormedApiKey(secret)).toBe(true);
      expect(displayPrefix(secret)).toBe(secret.slice(0, 12));
    }
    expect(new Set(secrets).size).toBe(secrets.length);
  });

  it('are stored as a SHA-256 hex digest that does not contain the secret', () => {
    const secret = generateApiKeySecret();
    const hash = hashApiKeySecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret.slice(4));
    expect(hashApiKeySecret(secret)).toBe(hash);
  });

  it('anything but the exact shape is malformed', () => {
    const secret = generateApiKeySecret();
    for (const bad of [
      '',
      'plk_',
      secret.slice(0, -1),
      `${secret}x`,
      secret.replace('plk_', 'pk_'),
      `${secret.slice(0, -1)}-`,
    ]) {
      expect(isWellFormedApiKey(bad), bad).toBe(false);
    }
  });
});
