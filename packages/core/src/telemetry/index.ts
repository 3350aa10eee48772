// Telemetry: the ErrorReporter seam (5xx and jobs out of retries) and its Sentry transport, a node's
// Prometheus metrics and their separate listener. The async log context lives in the logger module.
export {
  combineReporters,
  deferredReporter,
  logErrorReporter,
  reportOf,
  type ErrorDetails,
  type ErrorReport,
  type ErrorReporter,
} from './error-reporter';
export { PlinthMetrics, type PlinthMetricsOptions } from './metrics';
export { startMetricsServer, type MetricsServer } from './metrics-server';
export { createSentryReporter, type SentryReporterOptions } from './sentry-reporter';
export {
  activeTracer,
  remoteParent,
  SpanKind,
  SpanStatusCode,
  startTracing,
  tracePool,
  withSpan,
  type Span,
  type TracingConfig,
} from './tracing';
