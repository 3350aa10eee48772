import { findForbiddenCharacter, singleLineText } from '../text/index';

/** A person's display name: what members pages, mails and the audit log show. */
export const MAX_USER_NAME_LENGTH = 100;

/** A name a person types (sign-up, the account page, the API): one line, 1–100 characters. */
export const userName = singleLineText({
  min: 1,
  max: MAX_USER_NAME_LENGTH,
  minMessage: 'Enter your name.',
});

/**
 * A name that arrives from elsewhere (an identity provider's profile, better-auth's own writes) and
 * must not fail the sign-in: line breaks and tabs become spaces, other characters the text rule
 * forbids are dropped, runs of spaces collapse, and the result is cut at 100 characters (whole code
 * points). Empty after that: the email's local part.
 */
export function cleanUserName(raw: unknown, email: string): string {
  // Bound the work first: a 2 MB profile name is cut long before it is scanned.
  let value = typeof raw === 'string' ? raw.slice(0, MAX_USER_NAME_LENGTH * 8) : '';
  value = value.replace(/[\t\n\v\f\r\u0085\u2028\u2029]/gu, ' ');
  for (let bad = findForbiddenCharacter(value); bad !== null; bad = findForbiddenCharacter(value)) {
    value = value.replaceAll(bad, '');
  }
  const cleaned = [...value.replace(/\s+/gu, ' ').trim()].slice(0, MAX_USER_NAME_LENGTH).join('').trim();
  if (cleaned) return cleaned;
  return [...(email.split('@')[0] ?? '')].slice(0, MAX_USER_NAME_LENGTH).join('') || 'Member';
}
