// Logging: one pino JSON logger built at start-up, with secrets redacted by path, and the async
// log context (request, trace, workspace, actor, job) that every line inside a request or job carries.
export { createLogger, redactedPaths, type Logger } from './create-logger';
export {
  addToLogContext,
  carriedContext,
  contextExtras,
  currentExtras,
  currentLogContext,
  jobLogContext,
  newSpanId,
  newTraceId,
  parseTraceparent,
  runWithLogContext,
  type CarriedContext,
  type ContextExtras,
  type LogContext,
} from './log-context';
