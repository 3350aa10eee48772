// Observability: the ErrorReporter seam (5xx and jobs out of retries), the Prometheus metrics of a
// node and their separate listener. The log context itself lives in the logger module.
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
