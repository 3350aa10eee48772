import { z } from 'zod';

/**
 * Characters no human-entered text needs and that break something downstream: NUL (Postgres refuses
 * it in text: SQLSTATE 22021, a 500 if it reaches the database), the other C0 controls and DEL (they
 * corrupt logs, CSV exports and mail headers), the C1 controls, and the bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) that make "evil\u202Efdp.exe" read as "evilexe.pdf".
 * Multi-line text may also hold tab, line feed and carriage return; single-line text may hold tab
 * only where a person could type it (nowhere today), so it refuses all of them.
 */
const singleLineClass = '\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
const multiLineClass =
  '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';
const singleLineForbidden = new RegExp(`[${singleLineClass}]`, 'u');
const multiLineForbidden = new RegExp(`[${multiLineClass}]`, 'u');
const singleLineForbiddenAll = new RegExp(`[${singleLineClass}]`, 'gu');
const multiLineForbiddenAll = new RegExp(`[${multiLineClass}]`, 'gu');

export const forbiddenCharacterMessage = 'Remove control characters.';

/** The first character text may not hold, or null. */
export function findForbiddenCharacter(value: string, options: { multiline?: boolean } = {}): string | null {
  const match = (options.multiline ? multiLineForbidden : singleLineForbidden).exec(value);
  return match ? match[0] : null;
}

/**
 * `value` without the characters text may not hold: for text we did not take from a form but must
 * still show or send (a user agent, a name stored before these rules), where refusing would lose
 * the message rather than protect anyone.
 */
export function stripForbiddenCharacters(value: string, options: { multiline?: boolean } = {}): string {
  return value.replace(options.multiline ? multiLineForbiddenAll : singleLineForbiddenAll, '');
}

interface TextOptions {
  /** Minimum length after trimming; 0 (the default) allows the empty string. */
  min?: number;
  max: number;
  /** The message for a value shorter than `min`, e.g. 'Enter a name.'. */
  minMessage?: string;
  /**
   * Remove forbidden characters instead of refusing the value. For data Plinth composes itself
   * (mail template data, text from request headers), never for what a person submits: they should
   * learn their input was refused, not find it silently changed.
   */
  strip?: boolean;
}

function build(options: TextOptions, multiline: boolean) {
  let schema = options.strip
    ? z
        .string()
        .overwrite((value) => stripForbiddenCharacters(value, { multiline }))
        .trim()
    : z.string().trim();
  if (options.min)
    schema = schema.min(options.min, options.minMessage ?? `Use at least ${options.min} characters.`);
  return schema
    .max(options.max, `Use at most ${options.max} characters.`)
    .refine((value) => findForbiddenCharacter(value, { multiline }) === null, forbiddenCharacterMessage);
}

/** A trimmed one-line text (a name, a title): no control, C1 or bidi-override characters at all. */
export function singleLineText(options: TextOptions) {
  return build(options, false);
}

/** A trimmed multi-line text (a description): tab, LF and CR allowed; other controls refused. */
export function multiLineText(options: TextOptions) {
  return build(options, true);
}
