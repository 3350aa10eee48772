import { eq } from 'drizzle-orm';
import { user, type Database } from '@plinth/db';
import type { Actor } from '../actor/index';
import { AppError } from '../errors/index';

/**
 * Staff only, checked in every service of the console (the routes and pages check too): the role
 * is read now from the user row, never trusted from the caller, and never while impersonating.
 * Everyone else gets not_found, so the console's existence is not advertised.
 */
export async function assertStaff(database: Database, actor: Actor): Promise<void> {
  const [row] =
    actor.type === 'user' && !actor.impersonatorId
      ? await database.db.select({ role: user.role }).from(user).where(eq(user.id, actor.id))
      : [];
  const roles = (row?.role ?? '').split(',').map((role) => role.trim());
  if (!roles.includes('admin')) throw new AppError('not_found');
}

export interface StaffDeps {
  database: Database;
  now?: () => Date;
}
