import type { Storage } from '../storage/index';
// Server context: the process's wiring (database, jobs, session reader), handed from apps/server to
// Next's server components and actions running in the same process.
import type Stripe from 'stripe';
import type { Database } from '@plinth/db';
import type { SyncLimiter } from '../billing/index';
import type { Env } from '../env/index';
import type { FlagStore } from '../flags/index';
import type { SessionReader } from '../identity/index';
import type { JobQueue } from '../jobs/index';
import type { Logger } from '../logger/index';

export interface ServerContext {
  env: Env;
  logger: Logger;
  database: Database;
  jobs: JobQueue;
  /** The node's flag cache: pages read flags with flag(ctx, key) in server components. */
  flags: FlagStore;
  readSession: SessionReader;
  /** Billing's Stripe client (the local fake in development); absent when billing is not configured. */
  stripe?: Stripe;
  /** The process's one bound on concurrent customer syncs; set with `stripe`. */
  billingSyncLimiter?: SyncLimiter;
  /** Object storage; file pages and actions answer 503 without it. */
  storage?: Storage;
}

// Next bundles its own copy of our modules, so module state would not be shared with the server
// that built the wiring; a well-known symbol on globalThis is.
const key = Symbol.for('plinth.server-context');

export function provideServerContext(context: ServerContext): void {
  (globalThis as Record<symbol, unknown>)[key] = context;
}

/** The wiring of the process serving this request. Pages and actions run inside apps/server. */
export function serverContext(): ServerContext {
  const context = (globalThis as Record<symbol, unknown>)[key] as ServerContext | undefined;
  if (!context)
    throw new Error(
      'No server context: pages and server actions run inside apps/server (npm run dev / npm start).',
    );
  return context;
}
