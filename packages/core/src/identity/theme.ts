import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { user, type Database } from '@plinth/db';
import type { Actor } from '../actor/index';
import { AppError } from '../errors/index';

/** 'system' follows the device's prefers-color-scheme; 'light' and 'dark' pin the palette. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const themeInput = z.strictObject({ theme: z.enum(THEMES) });
export type ThemeInput = z.infer<typeof themeInput>;

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** The theme a stored `user.theme` value means: 'system' when none was chosen (or the row is gone). */
export function themeOf(stored: unknown): Theme {
  return isTheme(stored) ? stored : 'system';
}

/** A person's saved theme ('system' when they never chose one, or the row is gone). */
export async function getTheme(deps: { database: Database }, userId: string): Promise<Theme> {
  const [row] = await deps.database.db.select({ theme: user.theme }).from(user).where(eq(user.id, userId));
  return themeOf(row?.theme);
}

/**
 * Saves the signed-in person's theme. Not audited: a display preference, not a change to the
 * account. Impersonation is refused by the callers' read-only guards, as for every write.
 */
export async function setTheme(deps: { database: Database }, actor: Actor, input: unknown): Promise<Theme> {
  if (actor.type !== 'user') throw new AppError('forbidden');
  const parsed = themeInput.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const { theme } = parsed.data;
  await deps.database.db.update(user).set({ theme, updatedAt: new Date() }).where(eq(user.id, actor.id));
  return theme;
}
