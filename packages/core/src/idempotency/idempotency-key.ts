import { AppError } from '../errors/index';

/** The header a client sends to make a POST safe to retry. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

// Printable ASCII only (a space through a tilde): the key is echoed in logs and compared byte for
// byte, so no control characters and no look-alike Unicode.
const printable = /^[\x20-\x7e]{1,255}$/;

/**
 * The header's value, checked: 1–255 printable characters. Anything else is a 400 naming the
 * header, so a client learns at once that its retries are not protected.
 */
export function parseIdempotencyKey(value: string): string {
  if (!printable.test(value)) {
    throw new AppError('invalid_input', `${IDEMPOTENCY_KEY_HEADER} must be 1–255 printable characters.`, {
      fields: { [IDEMPOTENCY_KEY_HEADER]: 'Must be 1–255 printable ASCII characters.' },
    });
  }
  return value;
}
