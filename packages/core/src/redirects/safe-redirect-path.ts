/** Longer than any path of ours with its query; a cap keeps mails and logs small. */
export const MAX_REDIRECT_PATH_LENGTH = 2048;

const REFERENCE_ORIGIN = 'https://redirect-check.invalid';

/** Printable ASCII only: no spaces, controls, backslashes or look-alike Unicode slashes. */
const printableAscii = /^[\x21-\x5b\x5d-\x7e]+$/u;
/** `%2f` and `%5c` in the path: some proxies and frameworks decode them into separators. */
const encodedSeparator = /%(?:2f|5c)/iu;

/**
 * The value, when it is a path on this site that no URL parser will turn into anything else;
 * otherwise null. The check is on the *result*, not the raw text: the value must already be in the
 * form a WHATWG URL parser gives back (no dot segments, plain or percent-encoded, no characters it
 * would encode or drop, such as tabs and newlines), so what a browser, better-auth's
 * `appendQueryParams` or Next's `redirect()` makes of it is the value itself — and that value
 * starts with exactly one `/`. A value that would need normalising is refused, never rewritten.
 */
export function safeRedirectPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_REDIRECT_PATH_LENGTH) return null;
  if (!value.startsWith('/') || value.startsWith('//') || !printableAscii.test(value)) return null;
  const queryOrFragment = value.search(/[?#]/u);
  const path = queryOrFragment === -1 ? value : value.slice(0, queryOrFragment);
  if (encodedSeparator.test(path)) return null;
  let url: URL;
  try {
    url = new URL(value, REFERENCE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== REFERENCE_ORIGIN) return null;
  const result = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments (`/..//host`, `/%2e%2e//host`) and anything else the parser rewrites end here.
  if (result !== value || result.startsWith('//')) return null;
  return result;
}

export function isSafeRedirectPath(value: unknown): boolean {
  return safeRedirectPath(value) !== null;
}
