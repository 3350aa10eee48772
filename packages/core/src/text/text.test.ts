import { describe, expect, it } from 'vitest';
import { findForbiddenCharacter, multiLineText, singleLineText, stripForbiddenCharacters } from './index';

describe('human-entered text', () => {
  const name = singleLineText({ min: 1, max: 10, minMessage: 'Enter a name.' });
  const description = multiLineText({ max: 50 });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a C0 control', 'a\u0007b'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', 'evil\u202efdp.exe'.slice(0, 10)],
    ['a bidi isolate', 'a\u2066b'],
  ])('a single-line text refuses %s', (_what, value) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Remove control characters.');
  });

  it('a single-line text refuses tab and newlines, a multi-line one keeps them', () => {
    for (const value of ['a\tb', 'a\nb', 'a\r\nb']) {
      expect(name.safeParse(value).success).toBe(false);
      expect(description.parse(value)).toBe(value);
    }
    expect(description.safeParse('a\u0000b').success).toBe(false);
    expect(description.safeParse('a\u000bb').success).toBe(false);
  });

  it('keeps ordinary text in any script, trimmed, and enforces the length bounds', () => {
    expect(name.parse('  Zoë 東京 ')).toBe('Zoë 東京');
    expect(name.parse('مرحبا\u200f')).toBe('مرحبا\u200f');
    expect(name.safeParse('   ').error?.issues[0]?.message).toBe('Enter a name.');
    expect(name.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe('Use at most 10 characters.');
  });

  it('names the first forbidden character', () => {
    expect(findForbiddenCharacter('ok')).toBeNull();
    expect(findForbiddenCharacter('a\u0000')).toBe('\u0000');
    expect(findForbiddenCharacter('a\nb', { multiline: true })).toBeNull();
  });

  it('with strip, removes what it would refuse (for text Plinth composes, not what a person submits)', () => {
    const header = singleLineText({ max: 20, strip: true });
    expect(header.parse(' Mozilla\u0000/5.0\u202e\t ')).toBe('Mozilla/5.0');
    expect(multiLineText({ max: 20, strip: true }).parse('a\u0007\nb')).toBe('a\nb');
    expect(stripForbiddenCharacters('a\u0085b\u2067c')).toBe('abc');
    expect(header.safeParse('x'.repeat(21)).success).toBe(false);
  });
});
