import { currentLogContext } from '../logger/index';
import type { ErrorReporter } from './error-reporter';

export interface SentryReporterOptions {
  dsn: string;
  /** Sentry's `environment` (NODE_ENV) and `release` (the app version). */
  environment: string;
  release: string;
  /** Server name shown in Sentry (the node's role). */
  serverName?: string;
}

/**
 * The Sentry transport of the ErrorReporter (SENTRY_DSN), on the official @sentry/node client used
 * as a plain client: no global init, so it installs no instrumentation, patches nothing and does not
 * take over the process's OpenTelemetry setup. Each report carries the log context as tags (trace,
 * workspace, route or queue) and the actor's id as the user — never an email or IP (no PII).
 * Loaded on demand: without SENTRY_DSN the SDK is never imported.
 */
export async function createSentryReporter(options: SentryReporterOptions): Promise<ErrorReporter> {
  const { NodeClient, Scope, defaultStackParser, makeNodeTransport } = await import('@sentry/node');
  const client = new NodeClient({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release,
    ...(options.serverName ? { serverName: options.serverName } : {}),
    transport: makeNodeTransport,
    stackParser: defaultStackParser,
    integrations: [],
    sendDefaultPii: false,
  });
  client.init();
  return {
    report(error, details) {
      const context = { ...currentLogContext(), ...details };
      const scope = new Scope();
      for (const [key, value] of Object.entries(context)) {
        if (value !== undefined) scope.setTag(key, String(value));
      }
      const actor = context.user_id ?? context.api_key_id;
      if (actor) scope.setUser({ id: actor });
      if (context.trace_id && context.span_id) {
        scope.setPropagationContext({
          traceId: context.trace_id,
          parentSpanId: context.span_id,
          sampleRand: Math.random(),
        });
      }
      client.captureException(error, { mechanism: { type: 'plinth', handled: false } }, scope);
    },
    async flush(timeoutMs) {
      await client.flush(timeoutMs);
    },
  };
}
