import dns, { type LookupAddress } from 'node:dns';
import net from 'node:net';
import pg from 'pg';
import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { isConnectionLost } from './errors';

/** Anything a query can run on: the pool-backed database or a transaction (tenant or not). */
export type Executor = PgDatabase<NodePgQueryResultHKT>;

export interface Database {
  /** Drizzle over the pool, for statements outside a tenant (health, membership lookups). */
  readonly db: NodePgDatabase;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Pool size; keep (nodes × max) under the server's max_connections. */
  max?: number;
  applicationName?: string;
  /**
   * How long to wait for a connection — a new one, or a free one from a busy pool — before failing
   * with "timeout exceeded when trying to connect". Default 5 s.
   */
  connectTimeoutMs?: number;
  /**
   * How long to wait for any query's answer before failing it on the client (pg's `query_timeout`);
   * the connection is then destroyed, not reused. The server's own statement_timeout (set on the app
   * role) should fire first for a slow query; this bound is for a server that stopped answering
   * (frozen, or gone without closing the socket). Default 20 s.
   */
  queryTimeoutMs?: number;
  /**
   * Named statements (`{ name, text }` queries are prepared once per connection). Default true.
   * False sends every one unnamed: required behind a transaction-mode pooler (PgBouncer before
   * 1.21, or without max_prepared_statements), where consecutive statements may run on different
   * server connections and a name prepared on one does not exist on the other.
   */
  preparedStatements?: boolean;
  /** Told about connections lost while idle or checked out (the server restarted, the network dropped). */
  onConnectionError?: (error: Error) => void;
  /**
   * How the database host's name is resolved for new connections (`dns.lookup`, the system
   * resolver, by default): wrapped by `lastGoodLookup` either way. Tests give one that stalls.
   */
  lookup?: LookupAll;
}

/** `dns.lookup(hostname, { all: true })` as a callback function. */
export type LookupAll = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** How long a new connection waits for the resolver before it uses the last address it gave. */
const FRESH_ANSWER_WAIT_MS = 1_000;

const defaultDatabaseTimeouts = { connectTimeoutMs: 5_000, queryTimeoutMs: 20_000 } as const;

type Release = (error?: Error | boolean) => void;

/**
 * A pooled client that goes back to the pool, for good, the moment one of its statements fails
 * without an answer from the server (a lost socket, a client-side query timeout), whoever holds it.
 * Without this, drizzle's `transaction()` leaked the client when its BEGIN failed (it releases only
 * after BEGIN succeeded): every such failure during an outage took one connection out of the pool
 * for good, until the process restarted. Releasing twice is a no-op here, so the holder's own
 * release later changes nothing; released with the error, the pool ends the client (pg destroys the
 * socket when a statement is still in flight) instead of handing it out again.
 */
class GuardedClient extends pg.Client {
  #release: Release | undefined;
  #released = true;

  constructor(config?: string | (pg.ClientConfig & { preparedStatements?: boolean })) {
    super(config);
    const unnamed = typeof config === 'object' && config.preparedStatements === false;
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    (this as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      if (unnamed) args[0] = withoutName(args[0]);
      const result = query(...args);
      if (result instanceof Promise) {
        result.catch((error: unknown) => {
          if (isConnectionLost(error)) this.release(error as Error);
        });
      }
      return result;
    };
  }

  /** pg-pool assigns a fresh release function on every checkout. */
  set release(release: Release) {
    this.#release = release;
    this.#released = false;
  }

  get release(): Release {
    return (error) => {
      if (this.#released) return;
      this.#released = true;
      this.#release?.(error);
    };
  }
}

/** A query config without its statement name (pg then sends an unnamed statement); anything else as is. */
function withoutName(config: unknown): unknown {
  if (typeof config !== 'object' || config === null || !('name' in config)) return config;
  // A Submittable (a cursor, a Query object) keeps its own state: pass it through untouched.
  if (typeof (config as { submit?: unknown }).submit === 'function') return config;
  const { name: _name, ...rest } = config as { name?: string };
  return rest;
}

type NetLookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for the pool's sockets that keeps the database reachable while name resolution is not:
 * - one resolution per host name at a time, whatever the number of connections opening: each
 *   `dns.lookup` holds one of libuv's four threads until the system resolver answers or gives up
 *   (18 s for `getent hosts pgbouncer` while the DNS server answered nothing), so a pool opening
 *   several connections could take every thread from file reads, crypto and later lookups;
 * - the resolver is always asked, and its answer used and kept; when it fails, or gives nothing
 *   within `freshWaitMs`, the last address it gave is used (a connection to an address that is no
 *   longer the host's fails on its own, and the next one asks again).
 * Seen on podman's compose DNS (aardvark-dns 1.4), which drops queries while containers join the
 * network: a node's new connections to PgBouncer waited in the lookup past the connect timeout, a
 * page's parallel queries filled the pool with them, and every request that needed a connection
 * failed with "timeout exceeded when trying to connect" (docs/deploy.md).
 */
export function lastGoodLookup(
  resolve: LookupAll = (hostname, callback) => dns.lookup(hostname, { all: true }, callback),
  freshWaitMs = FRESH_ANSWER_WAIT_MS,
) {
  const lastGood = new Map<string, LookupAddress[]>();
  const inFlight = new Map<string, Promise<LookupAddress[]>>();
  const ask = (hostname: string): Promise<LookupAddress[]> => {
    let pending = inFlight.get(hostname);
    if (!pending) {
      const asked = new Promise<LookupAddress[]>((fulfil, reject) => {
        resolve(hostname, (error, addresses) => {
          if (error) return reject(error);
          if (addresses.length > 0) lastGood.set(hostname, addresses);
          fulfil(addresses);
        });
      });
      pending = asked;
      inFlight.set(hostname, asked);
      // Waited for below only while it is fresh; its failure is the caller's to see, or no one's.
      asked.then(
        () => inFlight.delete(hostname),
        () => inFlight.delete(hostname),
      );
    }
    return pending;
  };
  const addresses = async (hostname: string): Promise<LookupAddress[]> => {
    const fresh = ask(hostname);
    const known = lastGood.get(hostname);
    if (!known) return fresh;
    let timer: NodeJS.Timeout | undefined;
    const stale = new Promise<LookupAddress[]>((fulfil) => {
      timer = setTimeout(() => fulfil(known), freshWaitMs);
    });
    try {
      return await Promise.race([fresh.catch(() => known), stale]);
    } finally {
      clearTimeout(timer);
    }
  };
  // net.Socket calls it as dns.lookup: `all` set (Node's default family autoselection) or not.
  return (hostname: string, options: dns.LookupOptions, callback: NetLookupCallback): void => {
    addresses(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable = family ? found.filter((address) => address.family === family) : found;
        if (usable.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          return callback(error, options.all ? [] : '');
        }
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, options.all ? [] : ''),
    );
  };
}

/** pg's socket (a plain net.Socket, upgraded to TLS by pg when asked) with its host resolved by `lookup`. */
function socketResolvedBy(lookup: ReturnType<typeof lastGoodLookup>): () => net.Socket {
  return () => {
    const socket = new net.Socket();
    const connect = socket.connect.bind(socket) as (...args: unknown[]) => net.Socket;
    // pg calls connect(port, host), or connect(path) for a Unix socket.
    socket.connect = ((...args: unknown[]) => {
      const [port, host] = args;
      if (typeof port === 'number' && typeof host === 'string' && net.isIP(host) === 0) {
        return connect({ port, host, lookup });
      }
      return connect(...args);
    }) as typeof socket.connect;
    return socket;
  };
}

export function createDatabase(connectionString: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    Client: GuardedClient as unknown as typeof pg.Client,
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'plinth',
    // No startup parameters beyond the application name: PgBouncer refuses unknown ones. The app
    // role's statement_timeout is set on the role itself (applyAccessRules); query_timeout is
    // client-side and sends nothing.
    connectionTimeoutMillis: options.connectTimeoutMs ?? defaultDatabaseTimeouts.connectTimeoutMs,
    query_timeout: options.queryTimeoutMs ?? defaultDatabaseTimeouts.queryTimeoutMs,
    idleTimeoutMillis: 30_000,
    // Read by GuardedClient (pg-pool hands the pool's options to every client it makes).
    preparedStatements: options.preparedStatements ?? true,
    // New connections resolve the host once at a time and fall back to its last address (above).
    stream: socketResolvedBy(lastGoodLookup(options.lookup)),
  } as pg.PoolConfig);
  const report = options.onConnectionError ?? (() => {});
  // An idle client that loses its connection (database restart) makes the pool emit 'error', and an
  // 'error' event without a listener ends the process. The pool drops the client and the next
  // checkout reconnects. (Reported once, by the client's own listener below.)
  pool.on('error', () => {});
  // pg-pool listens on a client only while it is idle: a checked-out client (a transaction between
  // two statements, waiting on something else) that loses its connection emitted 'error' with no
  // listener. Every client gets one for its whole life; the statement in flight, or the next one,
  // still fails, and the pool discards the client when it is released with that error.
  pool.on('connect', (client) => client.on('error', report));
  const db = drizzle({ client: pool });
  let closed = false;
  return {
    db,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
