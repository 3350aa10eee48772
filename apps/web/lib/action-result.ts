import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { AppError, toAppError, toErrorEnvelope, type ErrorCode, type ErrorFields } from '@plinth/core/errors';
import { isTrustedOrigin, trustedOrigins } from '@plinth/core/security';
import { serverContext } from '@plinth/core/server-context';
import { assertImpersonationMayWrite } from '@plinth/core/staff';
import { readRequestSession } from './workspace-context';

// What every server action answers: the same error envelope as /api/v1 (code, message, fields,
// request id), as a value instead of a thrown error, so a form can show `fields` under its inputs
// and nothing the server did not mean to say ever reaches the browser.

export interface ActionError {
  code: ErrorCode;
  message: string;
  fields?: ErrorFields;
  requestId: string;
}

export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; error: ActionError };

export interface RunActionOptions {
  /** The elevation action itself: it is what lets a read-only impersonation write. */
  allowWhileImpersonating?: boolean;
  /** The action changes nothing (beyond an audit row of the read): allowed while impersonating. */
  readsOnly?: boolean;
}

/** For actions that only read: `runAction(work, READS_ONLY)`. */
export const READS_ONLY: RunActionOptions = Object.freeze({ readsOnly: true });

/**
 * Runs one action's work and folds the outcome into an ActionResult. AppErrors keep their code,
 * message and fields; a lost database is `unavailable` and a value Postgres refused is
 * `invalid_input` (as on /api, through the same toAppError); anything else becomes the generic
 * `internal` envelope and is logged here with its request id. Next's own control flow (redirect,
 * notFound) passes through untouched.
 *
 * An action is a write unless it passes READS_ONLY: an impersonation session is refused
 * (`impersonation_read_only`) unless the staff member elevated it, as the API refuses everything but
 * GET. An action that only reads (a "load more", a download link, an upload's state) passes
 * READS_ONLY and works in a read-only impersonation too. Every action is a cookie-authenticated POST, so the request must come from a trusted origin
 * before any work runs (CSRF), as for /api/v1 and /api/auth: Next's own check compares Origin with
 * Host but lets a request without Origin through.
 */
export async function runAction<T>(
  work: () => Promise<T>,
  options: RunActionOptions = {},
): Promise<ActionResult<T>> {
  try {
    await assertTrustedOrigin();
    // A write, while a staff member impersonates someone: refused unless elevated
    // (docs/decisions/0031). Reads and the elevation itself are let through.
    if (!options.allowWhileImpersonating && !options.readsOnly) {
      await assertImpersonationMayWrite(serverContext().database, await readRequestSession());
    }
    return { ok: true, data: await work() };
  } catch (error) {
    unstable_rethrow(error);
    const requestId = randomUUID();
    const appError = toAppError(error);
    if (!appError || appError.status >= 500) {
      // Unexpected, or the database is gone: the server log gets the details, the person the reference.
      serverContext().logger.error({ err: error, request_id: requestId }, 'server action failed');
    } else if (appError !== error) {
      // A value Postgres refused that the schemas let through: expected, but worth a look.
      serverContext().logger.warn({ code: appError.code, request_id: requestId }, appError.message);
    }
    const { body } = toErrorEnvelope(error, requestId);
    const { code, message, fields } = body.error;
    return { ok: false, error: { code, message, requestId, ...(fields ? { fields } : {}) } };
  }
}

async function assertTrustedOrigin(): Promise<void> {
  const origin = (await headers()).get('origin');
  if (!isTrustedOrigin(origin, trustedOrigins(serverContext().env))) {
    throw new AppError('forbidden', 'This request did not come from a trusted origin.');
  }
}
