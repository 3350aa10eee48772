import { z } from '@hono/zod-openapi';
import { AppError, errorCodes, errorStatus, isAppError, type ErrorCode } from '@plinth/core/errors';

/** The one error envelope (docs/architecture.md §2), as the document declares it for every error status. */
export const errorEnvelope = z
  .object({
    error: z.object({
      code: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .openapi({ description: 'Each offending field (dot path) and what is wrong with it.' }),
      request_id: z.string(),
    }),
  })
  .openapi('Error');

const descriptions: Partial<Record<number, string>> = {
  400: 'Invalid input: malformed JSON, a wrong type, a missing or unknown field or query parameter.',
  401: 'No valid session cookie or API key.',
  402: 'The workspace plan does not include this.',
  403: 'Not allowed for this role (or API key scope), or a cookie request from an untrusted origin.',
  404: 'Not found — also for a workspace you are not a member of, and for a malformed id.',
  409: 'Conflicts with the current state, or a request with this Idempotency-Key is still running (see Retry-After).',
  413: 'The request body is over 1 MB.',
  415: 'Send JSON with Content-Type: application/json.',
  422: 'This Idempotency-Key was already used for a different request (`idempotency_key_reused`).',
  429: 'Rate limited; see Retry-After.',
  500: 'Unexpected error; quote the request_id.',
  503: 'Temporarily unavailable (the database cannot be reached or timed out); retry after Retry-After seconds.',
};

/** Error responses for the given codes, one entry per status, all with the envelope. */
export function errorResponses(codes: readonly ErrorCode[]) {
  const responses: Record<
    number,
    { description: string; content: { 'application/json': { schema: typeof errorEnvelope } } }
  > = {};
  for (const code of codes) {
    const status = errorStatus[code];
    responses[status] = {
      description: descriptions[status] ?? code,
      content: { 'application/json': { schema: errorEnvelope } },
    };
  }
  return responses;
}

/**
 * Runs a core call whose errors may name fields by core's camelCase input keys, renaming them to
 * the public snake_case names (`{ userId: 'user_id' }`), so a 400 names what the client sent.
 */
export async function withPublicFieldNames<T>(
  names: Record<string, string>,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isAppError(error) || !error.fields) throw error;
    const fields = Object.fromEntries(
      Object.entries(error.fields).map(([name, message]) => [names[name] ?? name, message]),
    );
    throw new AppError(error.code, error.message, {
      fields,
      cause: error,
      ...(error.headers ? { headers: error.headers } : {}),
    });
  }
}
