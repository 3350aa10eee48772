import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { freePort, useTestDatabase } from '@plinth/testing';
import { startPlinth, type RunningPlinth } from '../../apps/server/src/start';
import {
  attributeOf,
  startOtlpReceiver,
  until,
  type OtlpAttribute,
  type OtlpReceiver,
} from './otlp-receiver';

// The node's metrics pushed over OTLP/HTTP to a local receiver that decodes the JSON payload: the
// route counter and histogram of a request made over HTTP arrive, with no METRICS_PORT set.
interface OtlpNumberPoint {
  attributes: OtlpAttribute[];
  asDouble?: number;
  asInt?: string | number;
}
interface OtlpHistogramPoint {
  attributes: OtlpAttribute[];
  count: string | number;
  bucketCounts: (string | number)[];
  explicitBounds: number[];
}
interface OtlpMetric {
  name: string;
  sum?: { dataPoints: OtlpNumberPoint[]; isMonotonic?: boolean; aggregationTemporality?: number };
  gauge?: { dataPoints: OtlpNumberPoint[] };
  histogram?: { dataPoints: OtlpHistogramPoint[] };
}
interface MetricsBody {
  resourceMetrics: {
    resource: { attributes: OtlpAttribute[] };
    scopeMetrics: { metrics: OtlpMetric[] }[];
  }[];
}

const testDb = useTestDatabase();
const route = '/api/v1/openapi.json';
let receiver: OtlpReceiver;
let node: RunningPlinth;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const port = await freePort();
  const pushEnv = loadEnv({
    OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${receiver.url}/v1/metrics`,
    OTEL_SERVICE_NAME: 'plinth-push-test',
    OTEL_METRIC_EXPORT_INTERVAL: '300',
  });
  node = await startPlinth(
    {
      ...testDb.env,
      role: 'api',
      port,
      host: '127.0.0.1',
      appUrl: `http://127.0.0.1:${port}`,
      metricsPush: pushEnv.metricsPush,
    },
    testDb.ownerUrl,
    { logger: createLogger({ level: 'silent' }) },
  );
});
afterAll(async () => {
  await node?.stop();
  await receiver?.close();
});

/** Every metric of the latest metrics payload, by name. */
function latest(): Map<string, OtlpMetric> | undefined {
  const body = receiver.bodies.filter((entry) => entry.path === '/v1/metrics').at(-1)?.body as
    MetricsBody | undefined;
  if (!body) return undefined;
  return new Map(
    body.resourceMetrics.flatMap((resource) =>
      resource.scopeMetrics.flatMap((scope) => scope.metrics.map((metric) => [metric.name, metric] as const)),
    ),
  );
}

describe('OTLP metric push', () => {
  it('pushes the route counter and histogram of a request, every interval, without METRICS_PORT', async () => {
    expect(node.metricsUrl).toBeUndefined();
    for (let index = 0; index < 3; index++) expect((await fetch(`${node.url}${route}`)).status).toBe(200);
    // One payload at a time: the counter and the histogram are read from the same push, the first
    // one in which both have counted the three requests. (Two runs with two files at once saw a
    // push whose counter said 3 while its histogram said 1, though both are recorded in one
    // synchronous call; until that is understood, a push that has the counter but not yet the
    // histogram is waited past rather than failed, and the histogram must still catch up.)
    const routeCount = () => {
      const pushed = latest();
      const counter = pushed?.get('plinth_http_requests_total');
      const point = counter?.sum?.dataPoints.find(
        (entry) =>
          attributeOf(entry.attributes, 'route') === route &&
          attributeOf(entry.attributes, 'status') === '200',
      );
      const histogram = pushed?.get('plinth_http_request_duration_seconds')?.histogram;
      const series = histogram?.dataPoints.find((entry) => attributeOf(entry.attributes, 'route') === route);
      const value = Number(point?.asDouble ?? point?.asInt ?? 0);
      return value >= 3 && Number(series?.count ?? 0) >= 3
        ? { pushed: pushed!, counter: counter!, point: point!, series: series! }
        : undefined;
    };
    const { pushed, counter, point, series } = await until(
      routeCount,
      'a push with the route counter and histogram at 3',
      10_000,
    );
    expect(counter.sum).toMatchObject({ isMonotonic: true, aggregationTemporality: 2 });
    expect(attributeOf(point.attributes, 'method')).toBe('GET');
    expect(attributeOf(point.attributes, 'role')).toBe('api');

    // The route's histogram series of that same push.
    expect(Number(series.count)).toBeGreaterThanOrEqual(3);
    expect(series.explicitBounds).toEqual([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);
    // Per-bucket counts (not Prometheus's cumulative ones): they add up to the count.
    expect(series.bucketCounts.reduce<number>((sum, n) => sum + Number(n), 0)).toBe(Number(series.count));
    expect(attributeOf(series.attributes, 'le')).toBeUndefined();

    // Gauges read from Postgres, and the resource names the service.
    expect(pushed.get('plinth_outbox_pending')?.gauge?.dataPoints).toHaveLength(1);
    const body = receiver.bodies.filter((entry) => entry.path === '/v1/metrics').at(-1)!.body as MetricsBody;
    expect(attributeOf(body.resourceMetrics[0]!.resource.attributes, 'service.name')).toBe(
      'plinth-push-test',
    );
    // The interval holds: pushes keep coming (300 ms here).
    const pushes = receiver.bodies.filter((entry) => entry.path === '/v1/metrics').length;
    await until(
      () =>
        receiver.bodies.filter((entry) => entry.path === '/v1/metrics').length >= pushes + 2
          ? true
          : undefined,
      'two more pushes',
      5_000,
    );
  });

  it('reads the standard variables: the metrics endpoint, the interval; off without an endpoint', () => {
    expect(loadEnv({}).metricsPush).toBeUndefined();
    expect(loadEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/' }).metricsPush).toEqual({
      metricsEndpoint: 'http://127.0.0.1:4318/v1/metrics',
      serviceName: 'plinth',
      intervalMs: 60_000,
      timeoutMs: 30_000,
    });
    expect(
      loadEnv({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
        OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://127.0.0.1:9090/api/v1/otlp/v1/metrics',
        OTEL_METRIC_EXPORT_INTERVAL: '15000',
      }).metricsPush,
    ).toMatchObject({ metricsEndpoint: 'http://127.0.0.1:9090/api/v1/otlp/v1/metrics', intervalMs: 15_000 });
    expect(
      loadEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_METRICS_EXPORTER: 'none' })
        .metricsPush,
    ).toBeUndefined();
    expect(
      loadEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' })
        .metricsPush,
    ).toBeUndefined();
  });
});
