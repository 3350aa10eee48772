import { describe, expect, it } from 'vitest';
import { cleanUserName, userName } from './user-name';

describe('user names', () => {
  it('a typed name is one trimmed line of 1–100 characters', () => {
    expect(userName.parse('  Zoë 東京 ')).toBe('Zoë 東京');
    for (const bad of ['', '   ', 'a\u0000b', 'a\nb', 'x'.repeat(101), 'evil\u202etxt']) {
      expect(userName.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("an identity provider's name is cleaned, never refused", () => {
    expect(cleanUserName('Ada\u0000 \u202eLovelace\u0007', 'ada@example.test')).toBe('Ada Lovelace');
    expect(cleanUserName('Ada\nLovelace\t(Countess)', 'ada@example.test')).toBe('Ada Lovelace (Countess)');
    const long = cleanUserName(`${'😀'.repeat(150)}`, 'ada@example.test');
    expect([...long]).toHaveLength(100);
    expect(long.endsWith('\ud83d')).toBe(false); // never half a surrogate pair
    expect(cleanUserName('x'.repeat(2_000_000), 'ada@example.test')).toHaveLength(100);
  });

  it('falls back to the email local part when nothing is left', () => {
    expect(cleanUserName('\u0000\u0001 ', 'ada.l@example.test')).toBe('ada.l');
    expect(cleanUserName(undefined, 'ada@example.test')).toBe('ada');
    expect(cleanUserName(null, '')).toBe('Member');
  });
});
