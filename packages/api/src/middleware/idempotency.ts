import type { Context, Next } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Database } from '@plinth/db';
import type { Actor } from '@plinth/core/actor';
import { AppError, isAppError, toErrorEnvelope } from '@plinth/core/errors';
import {
  abandonIdempotentRequest,
  beginIdempotentRequest,
  completeIdempotentRequest,
  idempotentRequestHash,
  isReplayableStatus,
  parseIdempotencyKey,
  replayedHeaders,
  type IdempotencyLease,
  type StoredResponse,
} from '@plinth/core/idempotency';
import type { ApiEnv } from '../types';

interface ActorEnv {
  /** `idempotency` is set by addRoute for an operation declared `refuse-replay`. */
  Variables: ApiEnv['Variables'] & { actor?: Actor; idempotency?: 'replay' | 'refuse-replay' };
}

/**
 * Idempotency-Key on POST (docs/architecture.md §2: after auth, tenant and validation, right before the
 * handler). The first request with a key claims it and runs; its settled answer (2xx, or a 4xx the
 * same request would get again) is stored, and the same request within 24 h gets that answer back
 * with `Idempotent-Replayed: true` instead of running twice. A 5xx, a timeout-like 4xx or an
 * unexpected exception releases the key, so the client's retry runs for real. Keys belong to their
 * sender (a user or an API key) and are never shared between senders. An operation declared
 * `refuse-replay` (its answer holds a secret shown once) keeps only the status and the created id
 * of a success, and answers a repeat with a 409 naming that id.
 */
export function idempotency(database: Database) {
  const deps = { database };
  const idempotent = async (c: Context<ActorEnv>, next: Next, header: string) => {
    const key = parseIdempotencyKey(header);
    const actor = c.get('actor');
    // Mounted behind the actor middleware; a public operation has no sender to scope a key to.
    if (!actor) return next();
    const url = new URL(c.req.url);
    const path = `${url.pathname}${url.search}`;
    const start = await beginIdempotentRequest(deps, {
      ownerId: `${actor.type}:${actor.id}`,
      key,
      method: c.req.method,
      path,
      requestHash: idempotentRequestHash({
        method: c.req.method,
        path,
        contentType: c.req.header('content-type'),
        // Hono keeps the text, so the validators and the handler still read the body.
        body: await c.req.text(),
      }),
    });
    const refuse = c.get('idempotency') === 'refuse-replay';
    if (start.kind === 'replay') return refuse ? refuseReplay(c, start.response) : replay(c, start.response);

    const settle = async (outcome: StoredResponse | undefined) => {
      try {
        if (outcome) await completeIdempotentRequest(deps, start.lease, outcome);
        else await abandonIdempotentRequest(deps, start.lease);
      } catch (error) {
        logSettleFailure(c, start.lease, error);
      }
    };
    try {
      await next();
    } catch (error) {
      // A handler's AppError (a plan limit, a rule of core) is a settled answer too: store the
      // envelope the error handler is about to send for it.
      await settle(isAppError(error) && isReplayableStatus(error.status) ? envelopeOf(c, error) : undefined);
      throw error;
    }
    await settle(
      isReplayableStatus(c.res.status)
        ? refuse && isSuccess(c.res.status)
          ? await createdIdOnly(c.res)
          : await snapshot(c.res)
        : undefined,
    );
    return undefined;
  };
  // Not async: every GET passes through here, and an async wrapper would cost it a promise.
  return createMiddleware<ActorEnv>((c, next) => {
    const header = c.req.method === 'POST' ? c.req.header('idempotency-key') : undefined;
    return header === undefined ? next() : idempotent(c, next, header);
  });
}

/**
 * The work is done and its answer must still reach the client; an unsettled claim refuses retries
 * (409) for IN_FLIGHT_LEASE_SECONDS at most, after which a retry runs again.
 */
function logSettleFailure(c: Context<ActorEnv>, lease: IdempotencyLease, error: unknown): void {
  c.get('logger')?.error({ err: error, idempotency_key: lease.key }, 'could not settle an idempotency key');
}

async function snapshot(response: Response): Promise<StoredResponse> {
  const headers: Record<string, string> = {};
  for (const name of replayedHeaders) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const body = response.body === null ? null : await response.clone().text();
  return { status: response.status, headers, body };
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** A success of a `refuse-replay` operation, as stored: its status and `{ id }`, nothing else. */
async function createdIdOnly(response: Response): Promise<StoredResponse> {
  let id: unknown;
  try {
    id = (JSON.parse(await response.clone().text()) as { id?: unknown }).id;
  } catch {
    id = undefined;
  }
  const body = typeof id === 'string' ? JSON.stringify({ id }) : null;
  return { status: response.status, headers: { 'content-type': 'application/json' }, body };
}

/** A repeat of a `refuse-replay` success: the stored answer is a 409 naming what was created. */
function refuseReplay(c: Context<ActorEnv>, stored: StoredResponse): Response {
  if (!isSuccess(stored.status)) return replay(c, stored);
  let id: string | undefined;
  try {
    id = stored.body === null ? undefined : (JSON.parse(stored.body) as { id?: string }).id;
  } catch {
    id = undefined;
  }
  throw new AppError(
    'conflict',
    `A request with this Idempotency-Key already succeeded${id ? ` and created ${id}` : ''}. Its response held a secret, which is shown only once and never replayed: list them to see the one created, or send a new key to create another.`,
  );
}

function envelopeOf(c: Context<ActorEnv>, error: AppError): StoredResponse {
  const { status, body } = toErrorEnvelope(error, c.get('requestId') ?? 'unknown');
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function replay(c: Context<ActorEnv>, stored: StoredResponse): Response {
  const headers = { ...stored.headers, 'Idempotent-Replayed': 'true' };
  // c.body keeps the headers set earlier in the chain (X-Request-Id, RateLimit-*).
  return stored.body === null
    ? c.body(null, stored.status as 204, headers)
    : c.body(stored.body, stored.status as 200, headers);
}
