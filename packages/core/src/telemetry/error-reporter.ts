import { currentLogContext, runWithLogContext, type LogContext, type Logger } from '../logger/index';

/** Where a reported error happened, beside the log context (request, trace, workspace, actor, job). */
export interface ErrorDetails {
  kind: 'request' | 'job';
  /** Requests: method, route template and status. */
  method?: string;
  route?: string;
  status?: number;
  /** Jobs: the queue and how many attempts ran. */
  queue?: string;
  attempts?: number;
}

export type ErrorReport = ErrorDetails & LogContext;

/**
 * The one seam every 5xx and every job that spent its retries goes through. The default writes a
 * structured error log with the stack; SENTRY_DSN adds the Sentry transport (sentryReporter).
 * report() never throws and never waits: a broken tracker must not break the request.
 */
export interface ErrorReporter {
  report(error: unknown, details: ErrorDetails): void;
  /** Waits until what was reported has left the process (shutdown); optional. */
  flush?(timeoutMs: number): Promise<void>;
}

/** The default: one error line with the stack and the context. */
export function logErrorReporter(logger: Logger): ErrorReporter {
  return {
    report(error, details) {
      const message = details.kind === 'job' ? 'job failed for good' : 'request failed';
      logger.error({ err: error, ...details }, message);
    },
  };
}

/** Reports to each in turn; one that throws does not stop the others. */
export function combineReporters(...reporters: ErrorReporter[]): ErrorReporter {
  return {
    report(error, details) {
      for (const reporter of reporters) {
        try {
          reporter.report(error, details);
        } catch {
          // A reporter failing is not the request's problem; the log reporter comes first.
        }
      }
    },
    async flush(timeoutMs) {
      await Promise.all(reporters.map((reporter) => reporter.flush?.(timeoutMs)));
    },
  };
}

/** The details plus the running log context, for transports that want everything in one object. */
export function reportOf(details: ErrorDetails): ErrorReport {
  return { ...currentLogContext(), ...details };
}

/**
 * A reporter that is still loading (the Sentry SDK is imported only when SENTRY_DSN is set):
 * reports made meanwhile wait, with their log context, and go out once it is ready. A transport
 * that fails to load is logged once and reports are dropped (the log reporter still has them).
 */
export function deferredReporter(load: Promise<ErrorReporter>, logger: Logger): ErrorReporter {
  let ready: ErrorReporter | undefined;
  let waiting: { error: unknown; details: ErrorDetails; context: LogContext | undefined }[] | undefined = [];
  const loaded = load.then(
    (reporter) => {
      ready = reporter;
      for (const entry of waiting ?? []) {
        runWithLogContext(entry.context ?? {}, () => reporter.report(entry.error, entry.details));
      }
      waiting = undefined;
    },
    (error: unknown) => {
      waiting = undefined;
      logger.error({ err: error }, 'the error reporter transport did not load; errors are only logged');
    },
  );
  return {
    report(error, details) {
      if (ready) ready.report(error, details);
      else waiting?.push({ error, details, context: currentLogContext() && { ...currentLogContext() } });
    },
    async flush(timeoutMs) {
      await loaded;
      await ready?.flush?.(timeoutMs);
    },
  };
}
