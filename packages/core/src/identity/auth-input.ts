import { z } from 'zod';
import { AppError, parseJsonBody } from '../errors/index';
import { isSafeRedirectPath } from '../redirects/index';
import { findForbiddenCharacter, forbiddenCharacterMessage, multiLineText } from '../text/index';
import type { AuthEndpointMatch } from './auth-surface';
import { userName } from './user-name';

/** Where better-auth sends the browser afterwards: each must be a path on this site. */
export const REDIRECT_FIELDS: ReadonlySet<string> = new Set([
  'callbackURL',
  'errorCallbackURL',
  'newUserCallbackURL',
  'redirectTo',
]);

/** Never stored nor shown, so any character may be in one; the password policy judges new ones. */
const SECRET_FIELDS: ReadonlySet<string> = new Set(['password', 'newPassword', 'currentPassword']);

/** Deeper than any better-auth body; also what keeps JSON.stringify from recursing without end. */
const MAX_BODY_DEPTH = 8;

/** Top-level fields with a rule of their own (which includes the control-character rule). */
const fieldRules = {
  name: userName,
  // The ban dialog is a textarea: line breaks are fine, other controls are not.
  banReason: multiLineText({ max: 500 }),
  // A picture is set only by the avatar upload (its resize job writes user.image): through
  // /api/auth a person could point it at any URL, which co-members' browsers would then load
  // with their cookies (a same-origin GET) when they see the members list. Only clearing it passes.
  image: z.null({ error: 'Upload a picture on your account page instead.' }),
};
const redirectMessage = 'Use a path on this site, such as /app.';

/**
 * The body of a request to /api/auth, read the one way our rules and better-auth will both see it:
 * JSON (media type `application/json`, any letter case, charset UTF-8 or none), an object. The edge
 * forwards exactly this value, re-serialised, so better-auth never parses anything our rules did
 * not read. Form bodies, text/plain, `+json` types and other charsets are refused (415): nothing
 * of ours sends them, and better-auth would read some of them differently. No body: undefined.
 */
export function parseAuthBody(
  contentType: string | undefined,
  text: string,
): Record<string, unknown> | undefined {
  if (text === '') return undefined;
  if (!isJsonMediaType(contentType ?? '')) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).');
  }
  const parsed = parseJsonBody(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('invalid_input', 'The request body must be a JSON object.', {
      fields: { _: 'Expected an object.' },
    });
  }
  return parsed as Record<string, unknown>;
}

function isJsonMediaType(value: string): boolean {
  const [type, ...parameters] = value.split(';');
  if (type!.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, raw = ''] = parameter.split('=');
    if (name!.trim().toLowerCase() !== 'charset') return false;
    return (
      raw
        .trim()
        .replace(/^"(.*)"$/u, '$1')
        .toLowerCase() === 'utf-8'
    );
  });
}

function refuse(field: string, message: string, summary = 'The request is invalid.'): never {
  throw new AppError('invalid_input', summary, { fields: { [field]: message } });
}

function checkText(field: string, value: string): void {
  if (findForbiddenCharacter(value) !== null) refuse(field, forbiddenCharacterMessage);
}

function checkRedirect(field: string, value: unknown): void {
  if (!isSafeRedirectPath(value))
    refuse(field, redirectMessage, 'This redirect target is not a path on this site.');
}

function decodeParameter(field: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return refuse(field, 'Malformed percent-encoding.');
  }
}

/**
 * The checks every /api/auth request passes before any rule or better-auth sees it, so bad input
 * is a 400 naming the field and never reaches the database as a 500 (NUL in an email or a token):
 * - no control, C1 or bidi-override character (core's text rule) in a path parameter, a query
 *   parameter's name or value, or any body key or string value (passwords aside);
 * - every callbackURL, errorCallbackURL, newUserCallbackURL and redirectTo, in the query (each
 *   occurrence) or the body, is a path on this site that stays what it is (core's redirect rule);
 * - a `name` is a user name (one line, 1–100 characters); a ban reason at most 500 characters; an
 *   `image` null or an https URL.
 */
export function checkAuthInput(
  match: AuthEndpointMatch,
  query: URLSearchParams,
  body: Record<string, unknown> | undefined,
): void {
  for (const [name, raw] of Object.entries(match.params)) checkText(name, decodeParameter(name, raw));
  for (const [key, value] of query) {
    checkText(key, key);
    checkText(key, value);
    if (REDIRECT_FIELDS.has(key)) checkRedirect(key, value);
  }
  if (!body) return;
  checkBodyText(body);
  for (const field of REDIRECT_FIELDS) if (Object.hasOwn(body, field)) checkRedirect(field, body[field]);
  for (const [field, rule] of Object.entries(fieldRules)) {
    if (!Object.hasOwn(body, field)) continue;
    const parsed = rule.safeParse(body[field]);
    if (!parsed.success) refuse(field, parsed.error.issues[0]?.message ?? 'Invalid value.');
  }
}

/** Walks the body without recursion: keys and strings at any depth, up to MAX_BODY_DEPTH. */
function checkBodyText(body: Record<string, unknown>): void {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      checkText(path, value);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) refuse(path || '_', 'Nested too deeply.');
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      checkText(childPath, key);
      if (depth === 0 && (SECRET_FIELDS.has(key) || Object.hasOwn(fieldRules, key))) continue;
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
}
