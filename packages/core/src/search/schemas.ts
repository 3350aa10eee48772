import { z } from 'zod';
import { singleLineText } from '../text/index';

/** Longest query accepted: search terms, not documents (the API's `q` maxLength). */
export const SEARCH_QUERY_MAX = 100;

export const searchInput = z.strictObject({
  q: singleLineText({ min: 1, max: SEARCH_QUERY_MAX, minMessage: 'Enter something to search for.' }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchInput = z.input<typeof searchInput>;
