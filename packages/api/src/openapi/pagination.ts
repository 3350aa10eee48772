import { z } from '@hono/zod-openapi';
import { AppError } from '@plinth/core/errors';
import { encodeId, publicId, tryDecodeId, type IdPrefix } from './ids';

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

/**
 * `limit` and `cursor` for a paginated list. A limit above 100 is a 400 naming `limit` (not
 * silently capped: a client asking for 500 should learn it gets at most 100). The cursor is the
 * `next_cursor` of the previous page, passed back as is.
 */
export function pageQuery(prefix: IdPrefix) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE_LIMIT)
      .default(DEFAULT_PAGE_LIMIT)
      .openapi({ description: `Items per page, 1–${MAX_PAGE_LIMIT}.`, example: DEFAULT_PAGE_LIMIT }),
    cursor: publicId(prefix).optional().openapi({ description: 'The `next_cursor` of the previous page.' }),
  };
}

/** The list envelope: `{ items, next_cursor, has_more }`. */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      next_cursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page.' }),
      has_more: z.boolean(),
    })
    .openapi(name);
}

/** The uuid a cursor stands for; a cursor of another list or a forged one is a 400 naming `cursor`. */
export function decodeCursor(prefix: IdPrefix, cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const uuid = tryDecodeId(prefix, cursor);
  if (!uuid)
    throw new AppError('invalid_input', 'Invalid cursor.', { fields: { cursor: 'Invalid cursor.' } });
  return uuid;
}

/** A core page (`items`, `nextCursor` as a uuid) as the public envelope. */
export function toPage<Row, Item>(
  page: { items: Row[]; nextCursor: string | null },
  prefix: IdPrefix,
  toItem: (row: Row) => Item,
) {
  return {
    items: page.items.map(toItem),
    next_cursor: page.nextCursor ? encodeId(prefix, page.nextCursor) : null,
    has_more: page.nextCursor !== null,
  };
}

/** A list that is never paginated (bounded by the plan: members, invitations), in the same envelope. */
export function wholeList<Row, Item>(rows: Row[], toItem: (row: Row) => Item) {
  return { items: rows.map(toItem), next_cursor: null, has_more: false };
}
