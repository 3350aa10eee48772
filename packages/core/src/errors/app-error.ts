import type { z } from 'zod';
import { classifyDatabaseError } from '@plinth/db/errors';
import { defaultMessages, errorStatus, type ErrorCode } from './codes';

export type ErrorFields = Record<string, string>;

export interface AppErrorOptions {
  fields?: ErrorFields;
  cause?: unknown;
  /** Extra response headers the edge should send (Retry-After, Allow…). */
  headers?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: ErrorFields | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? defaultMessages[code], { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  /** A validation failure naming each offending field (first message per path). */
  static fromZod(error: z.ZodError, message = 'The request is invalid.'): AppError {
    const fields: ErrorFields = {};
    for (const issue of error.issues) {
      const prefix = issue.path.map(String);
      if (issue.code === 'unrecognized_keys') {
        // Name the unknown field itself, so a typo surfaces as "nmae: unknown field".
        for (const key of issue.keys) fields[[...prefix, key].join('.')] ??= 'Unknown field.';
        continue;
      }
      fields[prefix.length > 0 ? prefix.join('.') : '_'] ??= issue.message;
    }
    return new AppError('invalid_input', message, { fields, cause: error });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The AppError an error stands for: itself, or what a database failure means to the caller — a lost,
 * refused or timed-out database is `unavailable` (503, with Retry-After), a value Postgres refused
 * (NUL in text, too long, not a number) is `invalid_input` (400). Anything else is undefined: an
 * unexpected error, which the edges answer as `internal` and log. Every surface maps through here.
 */
export function toAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  switch (classifyDatabaseError(error)) {
    case 'unavailable':
      return new AppError('unavailable', 'The service is temporarily unavailable. Try again in a moment.', {
        cause: error,
        headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
      });
    case 'invalid_input':
      return new AppError('invalid_input', 'The request holds a value that cannot be stored.', {
        cause: error,
      });
    default:
      return undefined;
  }
}

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; fields?: ErrorFields; request_id: string };
}

/**
 * The one error body Plinth sends, for every failure on every surface. Unknown errors become a
 * generic `internal` with no detail: the request id is what support uses to find the log line.
 */
export function toErrorEnvelope(error: unknown, requestId: string): { status: number; body: ErrorEnvelope } {
  const appError = toAppError(error) ?? new AppError('internal');
  const body: ErrorEnvelope = {
    error: { code: appError.code, message: appError.message, request_id: requestId },
  };
  if (appError.fields) body.error.fields = appError.fields;
  return { status: appError.status, body };
}

/** Validates service input: the parsed value, or an invalid_input AppError naming each field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.fromZod(result.error);
  return result.data;
}

/** A request body parsed as JSON, or the `invalid_input` every surface answers for one that is not. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', 'The request body is not valid JSON.', {
      fields: { _: 'Invalid JSON.' },
    });
  }
}
