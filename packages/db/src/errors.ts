// What kind of database failure an error is. Pure (no driver import): core's error mapping uses it,
// and core's errors module is also bundled into pages' client code through the access module.

/**
 * - `unavailable`: the database cannot be reached or cannot serve right now (refused, dropped or
 *   timed-out connections, a server shutting down or out of resources, a statement cancelled by a
 *   timeout, a transaction rolled back as a deadlock or serialization victim). Nothing about the
 *   request is wrong: the same request may succeed in a moment.
 * - `invalid_input`: Postgres refused a value the request carried (a NUL byte in text, a string over
 *   a column's length, text that is not a number or a date…). Schemas should refuse these first;
 *   this is the last line, so a value that slipped past them is still a 4xx and never a 500.
 */
export type DatabaseFailure = 'unavailable' | 'invalid_input';

/**
 * SQLSTATEs of values the request carried (class 22, data exception, and 54000 for a value too big
 * for an index). Division by zero, null-not-allowed and the other class-22 codes that only a bug can
 * cause are left out: they stay a 500, which is what they are.
 */
const inputStates = new Set([
  '22001', // string_data_right_truncation: longer than the column allows
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22009', // invalid_time_zone_displacement_value
  '22015', // interval_field_overflow
  '22019', // invalid_escape_character
  '22021', // character_not_in_repertoire: NUL in text, invalid UTF-8
  '22025', // invalid_escape_sequence (LIKE patterns)
  '2201B', // invalid_regular_expression
  '22P02', // invalid_text_representation: 'abc' as a uuid or an integer
  '22P05', // untranslatable_character: \u0000 in jsonb
  '54000', // program_limit_exceeded: e.g. a value too large for a btree index row
]);

/** SQLSTATE classes and codes meaning "the server cannot serve now", not "this request is wrong". */
function unavailableState(state: string): boolean {
  return (
    state.startsWith('08') || // connection_exception
    state.startsWith('53') || // insufficient_resources: too_many_connections (53300), disk full, out of memory
    state.startsWith('57P') || // admin_shutdown, crash_shutdown, cannot_connect_now, database_dropped, idle_session_timeout
    state === '57014' || // query_canceled: statement_timeout fired
    state === '55P03' || // lock_not_available: lock_timeout fired
    state === '25006' || // read_only_sql_transaction: connected to a standby after a failover
    // Postgres undid the whole transaction to resolve a conflict with a concurrent one: nothing was
    // written and the same request may succeed when sent again.
    state === '40001' || // serialization_failure
    state === '40P01' // deadlock_detected
  );
}

/** Socket-level failures Node reports on the connection to the server. */
const unavailableSystemCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What pg and pg-pool throw, without a code, when the connection is gone or a client-side bound fires. */
const unavailableMessages = [
  /^Connection terminated/, // unexpectedly, due to connection timeout
  /^Query read timeout$/, // the pool's query_timeout
  /^timeout exceeded when trying to connect$/, // connectionTimeoutMillis, waiting for a pooled client
  /^timeout expired$/, // the connect timeout, as the socket reports it
  /is not queryable$/, // a client that already lost its connection
  /^Cannot use a pool after calling end on the pool$/, // shutting down
];

/** The errors in `error`'s cause chain, outermost first (drizzle wraps pg's in DrizzleQueryError). */
function* causeChain(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== null && typeof current === 'object'; depth++) {
    yield current as { code?: unknown; message?: unknown };
    // An AggregateError (a connect that tried several addresses) holds its causes in `errors`.
    const aggregate = (current as { errors?: unknown }).errors;
    if (Array.isArray(aggregate) && aggregate.length > 0) yield* causeChain(aggregate[0]);
    current = (current as { cause?: unknown }).cause;
  }
}

/** A Postgres SQLSTATE (five digits or capitals), not one of Node's five-letter codes like EPIPE. */
const isSqlState = (code: string) => /^[0-9A-Z]{5}$/.test(code) && !unavailableSystemCodes.has(code);

/** The SQLSTATE Postgres answered with, anywhere in the cause chain. */
export function sqlStateOf(error: unknown): string | undefined {
  for (const link of causeChain(error)) {
    if (typeof link.code === 'string' && isSqlState(link.code)) return link.code;
  }
  return undefined;
}

/** Whether `error` is a database failure the caller should answer as such, and which; undefined otherwise. */
export function classifyDatabaseError(error: unknown): DatabaseFailure | undefined {
  for (const link of causeChain(error)) {
    const code = typeof link.code === 'string' ? link.code : undefined;
    if (code && unavailableSystemCodes.has(code)) return 'unavailable';
    if (code && isSqlState(code)) {
      if (inputStates.has(code)) return 'invalid_input';
      if (unavailableState(code)) return 'unavailable';
      return undefined;
    }
    const message = typeof link.message === 'string' ? link.message : '';
    if (unavailableMessages.some((pattern) => pattern.test(message))) return 'unavailable';
  }
  return undefined;
}

/**
 * A failure below SQL: no SQLSTATE, so the server did not answer (the socket died, or a client-side
 * timeout left a statement in flight). The connection it happened on can never be used again.
 */
export function isConnectionLost(error: unknown): boolean {
  return classifyDatabaseError(error) === 'unavailable' && sqlStateOf(error) === undefined;
}
