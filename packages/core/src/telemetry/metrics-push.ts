import { ValueType, type Attributes, type HrTime } from '@opentelemetry/api';
import { ExportResultCode, hrTime, type ExportResult } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  DataPointType,
  type DataPoint,
  type Histogram,
  type MetricData,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type { MetricObjectWithValues, MetricValue, MetricValueWithName } from 'prom-client';
import type { Logger } from '../logger/index';
import type { PlinthMetrics } from './metrics';

/** What loadEnv makes of the OTEL_* metric variables; the push is on only with an endpoint. */
export interface MetricsPushConfig {
  /** OTEL_EXPORTER_OTLP_METRICS_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/metrics. */
  metricsEndpoint: string;
  serviceName: string;
  /** OTEL_METRIC_EXPORT_INTERVAL (ms, default 60000). */
  intervalMs: number;
  /** OTEL_METRIC_EXPORT_TIMEOUT (ms, default 30000). */
  timeoutMs: number;
  /** Extra resource attributes (role, version). */
  attributes?: Record<string, string>;
}

export interface MetricsPush {
  /** Collects and sends once now (what the timer does every interval). */
  pushNow(): Promise<void>;
  /** Stops the timer, sends a last time, closes the exporter. */
  shutdown(): Promise<void>;
}

/**
 * Pushes the node's Prometheus registry over OTLP/HTTP (JSON) every interval: the same series
 * /metrics serves, as OTLP metrics — counters as cumulative monotonic sums, gauges as gauges,
 * histograms as explicit-bucket histograms; the Prometheus labels become attributes. Headers
 * (OTEL_EXPORTER_OTLP_HEADERS, OTEL_EXPORTER_OTLP_METRICS_HEADERS) are the exporter's own reading
 * of the environment. One push at a time: a slow collector delays the next, never piles them up.
 */
export function startMetricsPush(
  metrics: PlinthMetrics,
  config: MetricsPushConfig,
  logger: Logger,
): MetricsPush {
  const exporter = new OTLPMetricExporter({ url: config.metricsEndpoint, timeoutMillis: config.timeoutMs });
  const resource = resourceFromAttributes({ 'service.name': config.serviceName, ...config.attributes });
  const startTime = hrTime();
  let pushing: Promise<void> | undefined;
  let failures = 0;

  const send = async () => {
    const collected = await metrics.registry.getMetricsAsJSON();
    const resourceMetrics: ResourceMetrics = {
      resource,
      scopeMetrics: [
        {
          scope: { name: 'plinth' },
          metrics: collected.flatMap((metric) => toOtlp(metric, startTime, hrTime())),
        },
      ],
    };
    await new Promise<void>((resolve, reject) => {
      exporter.export(resourceMetrics, (result: ExportResult) => {
        if (result.code === ExportResultCode.SUCCESS) resolve();
        else reject(result.error ?? new Error('OTLP metric export failed'));
      });
    });
  };
  const pushNow = () =>
    (pushing ??= send()
      .then(
        () => {
          if (failures > 0) logger.info({ failures }, 'OTLP metric push works again');
          failures = 0;
        },
        (error: unknown) => {
          // One warning per outage, not one per interval.
          if (failures++ === 0) logger.warn({ err: error }, 'OTLP metric push failed');
        },
      )
      .finally(() => (pushing = undefined)));
  const timer = setInterval(() => void pushNow(), config.intervalMs);
  timer.unref();
  logger.info(
    { endpoint: config.metricsEndpoint, interval_ms: config.intervalMs },
    'metrics pushed over OTLP/HTTP',
  );
  return {
    pushNow,
    async shutdown() {
      clearInterval(timer);
      await pushing;
      await pushNow();
      await exporter.shutdown();
    },
  };
}

type PromMetric = MetricObjectWithValues<MetricValue<string> | MetricValueWithName<string>>;

/** One prom-client metric as OTLP metric data (none for a metric without values). */
function toOtlp(metric: PromMetric, startTime: HrTime, endTime: HrTime): MetricData[] {
  const descriptor = { name: metric.name, description: metric.help, unit: '', valueType: ValueType.DOUBLE };
  const point = <T>(attributes: Attributes, value: T): DataPoint<T> => ({
    startTime,
    endTime,
    attributes,
    value,
  });
  const values = metric.values as MetricValueWithName<string>[];
  if (values.length === 0) return [];
  switch (String(metric.type)) {
    case 'counter':
      return [
        {
          descriptor,
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.SUM,
          isMonotonic: true,
          dataPoints: values.map((value) => point(value.labels, value.value)),
        },
      ];
    case 'gauge':
      return [
        {
          descriptor,
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.GAUGE,
          dataPoints: values.map((value) => point(value.labels, value.value)),
        },
      ];
    case 'histogram':
      return [
        {
          descriptor,
          aggregationTemporality: AggregationTemporality.CUMULATIVE,
          dataPointType: DataPointType.HISTOGRAM,
          dataPoints: histogramPoints(metric.name, values).map(([attributes, value]) =>
            point(attributes, value),
          ),
        },
      ];
    default:
      // Summaries (none of ours; prom-client's default metrics have none either) are left out.
      return [];
  }
}

/**
 * prom-client gives a histogram as rows: cumulative `_bucket` counts by `le`, `_sum` and `_count`,
 * per label set. OTLP wants, per label set, the finite bounds and each bucket's own count.
 */
function histogramPoints(name: string, values: MetricValueWithName<string>[]): [Attributes, Histogram][] {
  const series = new Map<
    string,
    { attributes: Attributes; bounds: [number, number][]; sum: number; count: number }
  >();
  for (const { labels, value, metricName } of values) {
    const { le, ...attributes } = labels as Record<string, string | number>;
    const key = JSON.stringify(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1)));
    let entry = series.get(key);
    if (!entry) {
      entry = { attributes, bounds: [], sum: 0, count: 0 };
      series.set(key, entry);
    }
    if (metricName === `${name}_bucket` && le !== undefined) {
      entry.bounds.push([le === '+Inf' ? Infinity : Number(le), value]);
    } else if (metricName === `${name}_sum`) entry.sum = value;
    else if (metricName === `${name}_count`) entry.count = value;
  }
  return [...series.values()].map(({ attributes, bounds, sum, count }) => {
    bounds.sort(([a], [b]) => a - b);
    const boundaries = bounds.filter(([le]) => Number.isFinite(le)).map(([le]) => le);
    const counts = bounds.map(
      ([, cumulative], index) => cumulative - (index === 0 ? 0 : bounds[index - 1]![1]),
    );
    return [attributes, { buckets: { boundaries, counts }, sum, count }];
  });
}
