import { describe, expect, it } from 'vitest';
import { createSecretBox } from './index';

const key = Buffer.alloc(32, 1).toString('base64');

describe('SecretBox', () => {
  it('opens what it sealed, and never stores the plaintext or the same ciphertext twice', () => {
    const box = createSecretBox(key);
    const first = box.seal('whsec_abc');
    const second = box.seal('whsec_abc');
    expect(first).not.toContain('whsec_abc');
    expect(first).not.toBe(second);
    expect(box.open(first)).toBe('whsec_abc');
    expect(box.open(second)).toBe('whsec_abc');
  });

  it('refuses a value sealed under another key, and a tampered one', () => {
    const sealed = createSecretBox(key).seal('whsec_abc');
    expect(() => createSecretBox(Buffer.alloc(32, 2).toString('base64')).open(sealed)).toThrow();
    const [version, nonce, tag, ciphertext] = sealed.split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() =>
      createSecretBox(key).open([version, nonce, tag, flipped.toString('base64url')].join('.')),
    ).toThrow();
    expect(() => createSecretBox(key).open('plain')).toThrow(/not a sealed value/);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createSecretBox(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
