import { desc, eq } from 'drizzle-orm';
import { capturedMail, type Database } from '@plinth/db';
import type { Mailer } from './types';

export type CapturedMail = typeof capturedMail.$inferSelect;

/** The most a single listing returns. */
export const CAPTURED_MAIL_MAX_LIMIT = 200;

/**
 * The development transport: every message is stored in `captured_mail` instead of being sent, and
 * shown at /dev/mail. The env module refuses it in production.
 */
export function createCaptureMailer(database: Database): Mailer {
  return {
    async send(message) {
      await database.db.insert(capturedMail).values({
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        tag: message.tag ?? null,
        headers: message.headers ?? null,
      });
    },
  };
}

/** Captured mail, newest first, optionally only what was sent to `to`. */
export async function listCapturedMail(
  database: Database,
  options: { to?: string; limit: number },
): Promise<CapturedMail[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit), 1), CAPTURED_MAIL_MAX_LIMIT);
  return database.db
    .select()
    .from(capturedMail)
    .where(options.to === undefined ? undefined : eq(capturedMail.to, options.to))
    .orderBy(desc(capturedMail.createdAt), desc(capturedMail.id))
    .limit(limit);
}

/** Empties the captured outbox; returns how many messages it removed. */
export async function clearCapturedMail(database: Database): Promise<number> {
  const result = await database.pool.query('delete from captured_mail');
  return result.rowCount ?? 0;
}
