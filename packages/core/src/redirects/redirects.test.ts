import { describe, expect, it } from 'vitest';
import { isSafeRedirectPath, safeRedirectPath } from './index';

// Every shape a hostile `next`, `callbackURL` or `redirectTo` has taken somewhere: the check must
// judge what a browser (or better-auth's own URL handling) makes of the value, not the raw text.
const refused: [string, string][] = [
  ['protocol-relative', '//evil.example'],
  ['protocol-relative with a path', '//evil.example/app'],
  ['backslash after the slash', '/\\evil.example'],
  ['two backslashes', '\\\\evil.example'],
  ['a backslash later on', '/app\\..\\\\evil.example'],
  ['slash then backslash then slash', '/\\/evil.example'],
  ['dot segments into //', '/..//evil.example'],
  ['one dot segment into //', '/.//evil.example'],
  ['a dot segment after a folder', '/x/..//evil.example'],
  ['encoded dots', '/%2e%2e//evil.example'],
  ['upper-case encoded dots', '/%2E%2E//evil.example'],
  ['half-encoded dots', '/.%2e//evil.example'],
  ['encoded dot segment after a folder', '/x/%2e%2e//evil.example'],
  ['encoded slashes', '/%2f%2fevil.example'],
  ['one encoded slash', '/%2fevil.example'],
  ['encoded backslash', '/%5cevil.example'],
  ['a tab inside //', '/\t/evil.example'],
  ['a newline inside //', '/\n/evil.example'],
  ['a carriage return inside //', '/\r/evil.example'],
  ['a NUL', '/app\u0000'],
  ['a leading space', ' /app'],
  ['a fullwidth solidus', '/\uff0fevil.example'],
  ['fullwidth solidi only', '\uff0f\uff0fevil.example'],
  ['a division slash', '/\u2215evil.example'],
  ['https URL', 'https://evil.example/app'],
  ['http URL without slashes', 'http:evil.example'],
  ['https: prefix with a path', 'https:/evil.example'],
  ['javascript:', 'javascript:alert(1)'],
  ['javascript: with a leading slash trick', '/javascript:alert(1)//'.replace('/', '')],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['a relative path', 'app'],
  ['a dot-relative path', './app'],
  ['empty', ''],
  ['a credentials-looking path', '//user@evil.example'],
  ['too long', `/${'a'.repeat(2049)}`],
];

const kept: [string, string][] = [
  ['the app', '/app'],
  ['a workspace page', '/w/acme/projects'],
  ['with a query', '/verify-email?next=%2Fw%2Facme'],
  ['with a fragment', '/w/acme#members'],
  ['a query holding a URL', '/sign-in?next=https%3A%2F%2Fevil.example'],
];

describe('safe redirect paths', () => {
  it.each(refused)('refuses %s', (_label, value) => {
    expect(safeRedirectPath(value)).toBeNull();
    expect(isSafeRedirectPath(value)).toBe(false);
  });

  it.each(kept)('keeps %s as it is', (_label, value) => {
    expect(safeRedirectPath(value)).toBe(value);
    expect(isSafeRedirectPath(value)).toBe(true);
  });

  it('never returns a value that starts with // or /\\, or that leaves the origin', () => {
    const pieces = [
      '/',
      '\\',
      '.',
      '..',
      '%2e',
      '%2f',
      '%5c',
      '\t',
      '\n',
      'evil.example',
      '@',
      ':',
      '?',
      '#',
    ];
    // Every 4-piece combination that starts with a slash: 14^3 = 2 744 shapes.
    for (const b of pieces)
      for (const c of pieces)
        for (const d of pieces) {
          const value = `/${b}${c}${d}`;
          const result = safeRedirectPath(value);
          if (result === null) continue;
          expect(result, JSON.stringify(value)).toBe(value);
          expect(result.startsWith('//') || result.startsWith('/\\'), JSON.stringify(value)).toBe(false);
          expect(new URL(result, 'https://app.example').origin, JSON.stringify(value)).toBe(
            'https://app.example',
          );
          // What a browser does with it once more (Location resolution, then better-auth's own
          // appendQueryParams) stays on the origin too.
          const resolved = new URL(result, 'https://app.example');
          expect(`${resolved.pathname}${resolved.search}${resolved.hash}`.startsWith('//')).toBe(false);
        }
  });

  it('normalises nothing: a value that a URL parser would rewrite is refused, not rewritten', () => {
    expect(safeRedirectPath('/a/../app')).toBeNull();
    expect(safeRedirectPath('/app?q=a b')).toBeNull();
  });
});
