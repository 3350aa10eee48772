import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '@plinth/core/errors';

/**
 * The JSON body as sent: malformed JSON or a wrong content type is a 400/415 envelope, never a 500.
 * An empty body reads as `{}`.
 */
async function readJson(c: Context): Promise<unknown> {
  const contentType = c.req.header('content-type') ?? '';
  if (contentType.includes('application/json')) {
    try {
      return await c.req.json();
    } catch {
      throw new AppError('invalid_input', 'The request body is not valid JSON.', {
        fields: { _: 'Invalid JSON.' },
      });
    }
  }
  if ((c.req.header('content-length') ?? '0') !== '0') {
    throw new AppError('unsupported_media_type', 'Send JSON with Content-Type: application/json.');
  }
  return {};
}

/** Reads a JSON body through a zod schema: unknown or invalid fields become a 400 naming the field. */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await readJson(c));
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  return parsed.data;
}

/**
 * The JSON body, typed as what the core service expects. Only for services that validate their
 * input themselves with a strict zod schema (every tenancy and project service does).
 */
export async function readJsonBody<T>(c: Context): Promise<T> {
  return (await readJson(c)) as T;
}

/** Query parameters as a plain object (last value wins); services validate them strictly. */
export function parseQuery(c: Context): Record<string, string> {
  return Object.fromEntries(new URL(c.req.url).searchParams);
}
