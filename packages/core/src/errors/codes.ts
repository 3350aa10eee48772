/**
 * The closed list of error codes and the one map from code to HTTP status. Core throws
 * `AppError(code)`; only the edge (Hono, server actions) turns it into a status and an envelope.
 */
export const errorStatus = {
  invalid_input: 400,
  unauthenticated: 401,
  payment_required: 402,
  forbidden: 403,
  email_not_verified: 403,
  /** Staff console: the staff member has no second factor enrolled (packages/core/src/staff). */
  staff_2fa_required: 403,
  /** Staff console: the staff member's last sign-in or re-authentication is older than 12 hours. */
  staff_reauth_required: 403,
  /** A write while a staff member impersonates someone without an elevation in force. */
  impersonation_read_only: 403,
  /** The workspace is suspended by staff: nothing inside it answers until it is unsuspended. */
  workspace_suspended: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** An Idempotency-Key sent again with a different request (method, path or body). */
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;

export const errorCodes = Object.keys(errorStatus) as ErrorCode[];

/** What a client sees for a code when the thrower gave no message of its own. */
export const defaultMessages: Record<ErrorCode, string> = {
  invalid_input: 'The request is invalid.',
  unauthenticated: 'Sign in to continue.',
  payment_required: 'Your plan does not include this.',
  forbidden: 'You are not allowed to do this.',
  email_not_verified: 'Verify your email address first.',
  staff_2fa_required:
    'Staff pages need two-factor authentication: turn it on in your account security settings.',
  staff_reauth_required: 'Staff pages need a sign-in within the last 12 hours: confirm it is you again.',
  impersonation_read_only:
    'Impersonation is read-only. Elevate with a written reason to make changes as this person.',
  workspace_suspended: 'This workspace is suspended. Contact support to restore it.',
  not_found: 'Not found.',
  method_not_allowed: 'Method not allowed.',
  conflict: 'The request conflicts with the current state.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'Unsupported content type.',
  idempotency_key_reused: 'This Idempotency-Key was already used for a different request.',
  rate_limited: 'Too many requests. Try again later.',
  internal: 'Something went wrong on our side.',
  unavailable: 'The service is temporarily unavailable.',
};
