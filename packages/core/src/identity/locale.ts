import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { user, type Database } from '@plinth/db';
import { isLocale, LOCALES, type Locale } from '../locales/index';
import type { Actor } from '../actor/index';
import { AppError } from '../errors/index';

/** A locale from the supported list, or null: follow the browser's Accept-Language again. */
export const localeInput = z.strictObject({ locale: z.enum(LOCALES).nullable() });
export type LocaleInput = z.infer<typeof localeInput>;

/** A person's saved locale, or null when they never chose one (or it is no longer supported). */
export async function getLocale(deps: { database: Database }, userId: string): Promise<Locale | null> {
  const [row] = await deps.database.db.select({ locale: user.locale }).from(user).where(eq(user.id, userId));
  return isLocale(row?.locale) ? row.locale : null;
}

/**
 * The saved locale of whoever holds `email` (the mail worker knows the recipient by address):
 * null for an address with no account (an invitation to a newcomer) or no saved choice.
 */
export async function localeOfEmail(deps: { database: Database }, email: string): Promise<Locale | null> {
  const [row] = await deps.database.db
    .select({ locale: user.locale })
    .from(user)
    .where(eq(sql`lower(${user.email})`, email.toLowerCase()));
  return isLocale(row?.locale) ? row.locale : null;
}

/**
 * Saves the signed-in person's locale (null: follow the browser). Not audited: a display
 * preference, like the theme. Impersonation is refused by the callers' read-only guards.
 */
export async function setLocale(
  deps: { database: Database },
  actor: Actor,
  input: unknown,
): Promise<Locale | null> {
  if (actor.type !== 'user') throw new AppError('forbidden');
  const parsed = localeInput.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const { locale } = parsed.data;
  await deps.database.db.update(user).set({ locale, updatedAt: new Date() }).where(eq(user.id, actor.id));
  return locale;
}
