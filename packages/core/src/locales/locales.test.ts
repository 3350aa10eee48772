import { describe, expect, it } from 'vitest';
import { negotiateLocale, resolveLocale } from './index';

describe('locales', () => {
  it('negotiates Accept-Language by q-value, primary subtag and order', () => {
    expect(negotiateLocale('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(negotiateLocale('fr-FR, en;q=0.5, de;q=0.7')).toBe('de');
    expect(negotiateLocale('en-GB,de')).toBe('en');
    expect(negotiateLocale('de;q=0, en;q=0.1')).toBe('en');
    expect(negotiateLocale('fr, *')).toBeNull();
    expect(negotiateLocale('')).toBeNull();
    expect(negotiateLocale(null)).toBeNull();
    expect(negotiateLocale('DE-at')).toBe('de');
  });

  it('prefers the saved setting, then the header, then English', () => {
    expect(resolveLocale('de', 'en-US')).toBe('de');
    expect(resolveLocale(null, 'de-CH')).toBe('de');
    expect(resolveLocale('xx', 'de')).toBe('de');
    expect(resolveLocale(null, 'fr')).toBe('en');
    expect(resolveLocale(undefined, undefined)).toBe('en');
  });
});
