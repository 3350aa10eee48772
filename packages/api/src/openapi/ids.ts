import { z } from '@hono/zod-openapi';
import { AppError } from '@plinth/core/errors';

export { encodeId, idPrefixes, tryDecodeId, type IdPrefix, type IdType } from '@plinth/core/public-ids';
import { suffixPattern, tryDecodeId, type IdPrefix } from '@plinth/core/public-ids';

/** `decodeId('proj', 'proj_01jb…')` → the uuid; anything else is `not_found` (404). */
export function decodeId(prefix: IdPrefix, value: string): string {
  const uuid = tryDecodeId(prefix, value);
  if (!uuid) throw new AppError('not_found');
  return uuid;
}

const example = (prefix: IdPrefix) => `${prefix}_01jbz3k4q8e9v6w2x5y7a0c1d2`;

/** A public id in a response or body: documented with its pattern and an example. */
export function publicId(prefix: IdPrefix) {
  return z
    .string()
    .max(prefix.length + 27)
    .regex(new RegExp(`^${prefix}_${suffixPattern}$`), `Expected an id like ${example(prefix)}.`)
    .openapi({ example: example(prefix) });
}
