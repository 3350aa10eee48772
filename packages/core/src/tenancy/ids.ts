import { isUuid } from '@plinth/db';
import { AppError } from '../errors/index';

/**
 * An id a caller named (a member, an invitation): what is not a uuid names nothing, so it is the
 * same not_found as an id from another workspace, before any query (Postgres would refuse it).
 */
export function existingId(id: string): string {
  if (!isUuid(id)) throw new AppError('not_found');
  return id;
}
