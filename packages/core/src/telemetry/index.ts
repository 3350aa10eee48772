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
export { deadLetterJobsCount, PlinthMetrics, type PlinthMetricsOptions } from './metrics';
export { startMetricsPush, type MetricsPush, type MetricsPushConfig } from './metrics-push';
export { startMetricsServer, type MetricsServer } from './metrics-server';
export { createSentryReporter, type SentryReporterOptions } from './sentry-reporter';
export {
  activeTracer,
  childSpan,
  endWhenSettled,
  instrumentPool,
  remoteParent,
  setActiveSpan,
  SpanKind,
  SpanStatusCode,
  startTracing,
  type Span,
  type TracingConfig,
} from './tracing';
export { stripePathTemplate, tracedMailer, tracedStripeHttpClient, type StripeHttpClient } from './outgoing';
