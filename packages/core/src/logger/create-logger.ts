import { pino, type Logger, type DestinationStream } from 'pino';
import { currentLogContext } from './log-context';

export type { Logger };

/** Paths whose values never reach a log line, wherever they appear. */
export const redactedPaths = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'req.headers.authorization',
  'req.headers.cookie',
];

/**
 * pino's error serializer copies every enumerable property; pg attaches its whole client (with
 * connection parameters) to pool errors. Keep the fields that help and drop the rest.
 */
function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (serialized && typeof serialized === 'object') delete serialized.client;
  return serialized;
}

/**
 * JSON logs (pino). Inside a request or a job every line also carries its log context (request_id,
 * trace_id, span_id, workspace_id, user_id or api_key_id, job_id): a mixin reads it per line.
 */
export function createLogger(
  options: { level: string; name?: string },
  destination?: DestinationStream,
): Logger {
  const logger = pino(
    {
      name: options.name ?? 'plinth',
      level: options.level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      base: { service: options.name ?? 'plinth' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
      // A copy: pino merges the line's own fields into what the mixin returns.
      mixin: () => ({ ...currentLogContext() }),
    },
    destination,
  );
  return logger;
}
