import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '@plinth/core/errors';
import { clearCapturedMail, listCapturedMail } from '@plinth/core/mail';
import { singleLineText } from '@plinth/core/text';
import type { ApiDeps, ApiEnv } from '../types';

const listQuery = z.strictObject({
  to: singleLineText({ min: 1, max: 320 }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(50),
});
const clearQuery = z.strictObject({});

/**
 * The captured outbox, for development: what the capture transport stored instead of sending.
 * create-api mounts these only when MAIL_TRANSPORT=capture outside production; otherwise 404.
 */
export function devMailRoutes(deps: ApiDeps) {
  return new Hono<ApiEnv>()
    .get('/dev/mail', async (c) => {
      const query = parseQuery(c, listQuery);
      const messages = await listCapturedMail(deps.database, query);
      c.header('Cache-Control', 'no-store');
      return c.json({ messages });
    })
    .delete('/dev/mail', async (c) => {
      parseQuery(c, clearQuery);
      const deleted = await clearCapturedMail(deps.database);
      c.header('Cache-Control', 'no-store');
      return c.json({ deleted });
    });
}

/** A parameter given twice arrives as an array, which the schema then refuses by name. */
function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const raw = Object.fromEntries(
    Object.entries(c.req.queries()).map(([name, values]) => [name, values.length === 1 ? values[0] : values]),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  return parsed.data;
}
