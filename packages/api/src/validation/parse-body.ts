import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '@plinth/core/errors';

/**
 * Reads a JSON body through a zod schema: malformed JSON, a wrong content type and unknown or
 * invalid fields all become a 400 envelope that names the field. Never a 500.
 */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const contentType = c.req.header('content-type') ?? '';
  let body: unknown = {};
  if (contentType.includes('application/json')) {
    try {
      body = await c.req.json();
    } catch {
      throw new AppError('invalid_input', 'The request body is not valid JSON.', {
        fields: { _: 'Invalid JSON.' },
      });
    }
  } else if ((c.req.header('content-length') ?? '0') !== '0') {
    throw new AppError('unsupported_media_type', 'Send JSON with Content-Type: application/json.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  return parsed.data;
}

/**
 * The JSON body as sent, typed as what the core service expects. Only for services that validate
 * their input themselves with a strict zod schema (every tenancy and project service does).
 */
export async function readJsonBody<T>(c: Context): Promise<T> {
  return (await parseJsonBody(c, {
    safeParse: (value: unknown) => ({ success: true, data: value }),
  } as unknown as z.ZodType)) as T;
}

/** Query parameters as a plain object (last value wins); services validate them strictly. */
export function parseQuery(c: Context): Record<string, string> {
  return Object.fromEntries(new URL(c.req.url).searchParams);
}
