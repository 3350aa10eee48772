import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { freePort, rejectionOf, useTestDatabase } from '@plinth/testing';
import { startPlinth, type RunningPlinth } from '../../apps/server/src/start';

// /metrics on its own listener of a real node, scraped by a real Prometheus (Debian's package;
// .ci/run installs it) that the test starts on a free loopback port with its own config and data.
const testDb = useTestDatabase();
const PROMETHEUS = '/usr/bin/prometheus';
const route = '/api/v1/openapi.json';
let node: RunningPlinth;

beforeAll(async () => {
  const port = await freePort();
  const env = {
    ...testDb.env,
    role: 'api' as const,
    port,
    host: '127.0.0.1',
    appUrl: `http://127.0.0.1:${port}`,
    metrics: { port: await freePort(), host: '127.0.0.1' },
  };
  node = await startPlinth(env, testDb.ownerUrl, { logger: createLogger({ level: 'silent' }) });
});
afterAll(() => node.stop());

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the metrics listener', () => {
  it('serves route histograms, queue, inbox, outbox, pool and runtime series; not on the public port', async () => {
    expect((await fetch(`${node.url}${route}`)).status).toBe(200);
    const response = await fetch(`${node.metricsUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain(
      `plinth_http_requests_total{method="GET",route="${route}",status="200",role="api"} `,
    );
    expect(text).toMatch(
      /^plinth_http_request_duration_seconds_bucket\{le="\+Inf",role="api",method="GET",route="\/api\/v1\/openapi\.json"\} 1$/m,
    );
    for (const series of [
      'plinth_jobs_queued',
      'plinth_jobs_oldest_waiting_seconds',
      'plinth_jobs_dead_letters{role="api"} ',
      'plinth_stripe_webhook_inbox_events{status="pending",role="api"} 0',
      'plinth_outbox_lag_seconds{role="api"} ',
      'plinth_db_pool_connections{state="in_use",role="api"} ',
      'plinth_db_pool_waiting{role="api"} ',
      'plinth_nodejs_eventloop_lag_p99_seconds',
      'plinth_nodejs_heap_size_used_bytes',
      'plinth_nodejs_gc_duration_seconds',
    ]) {
      expect(text).toContain(series);
    }
    expect(new URL(node.metricsUrl!).hostname).toBe('127.0.0.1');
    expect((await fetch(`${node.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${node.url}/api/metrics`)).status).toBe(404);
    expect((await fetch(`${node.metricsUrl}/`)).status).toBe(404);
  });

  it('a 4xx counts as an error by its code under the route template, not the raw path', async () => {
    const response = await fetch(`${node.url}/api/v1/workspaces/some-slug/projects`);
    expect(response.status).toBe(401);
    const text = await (await fetch(`${node.metricsUrl}/metrics`)).text();
    expect(text).toContain(
      'plinth_http_request_errors_total{method="GET",route="/api/v1/workspaces/:slug/projects",code="unauthenticated",role="api"} 1',
    );
    expect(text).not.toContain('some-slug');
  });

  it('refuses METRICS_PORT equal to the public PORT, and is off when unset', async () => {
    const refused = await rejectionOf(
      Promise.resolve().then(() => loadEnv({ PORT: '4000', METRICS_PORT: '4000' })),
    );
    expect(refused).toMatchObject({ fields: { METRICS_PORT: expect.stringContaining('PORT') } });
    expect(loadEnv({}).metrics).toEqual({ port: undefined, host: '127.0.0.1' });
  });
});

const hasPrometheus = existsSync(PROMETHEUS);
if (!hasPrometheus && process.env.CI)
  throw new Error(`${PROMETHEUS} is missing: .ci/run installs Debian's prometheus`);

describe.skipIf(!hasPrometheus)('scraped by a real Prometheus', () => {
  let prometheus: ChildProcess;
  let dir: string;
  let api: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plinth-prometheus-'));
    const target = new URL(node.metricsUrl!).host;
    await writeFile(
      join(dir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: plinth\n    static_configs:\n      - targets: ['${target}']\n`,
    );
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      PROMETHEUS,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: 'ignore' },
    );
    await until(async () => ((await fetch(`${api}/-/ready`)).ok ? true : undefined), 'prometheus ready');
  }, 60_000);
  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const query = async (promql: string): Promise<number | undefined> => {
    const response = await fetch(`${api}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as {
      status: string;
      data: { result: { value: [number, string] }[] };
    };
    expect(body.status).toBe('success');
    const value = body.data.result[0]?.value[1];
    return value === undefined ? undefined : Number(value);
  };
  const requestsOfRoute = `sum(plinth_http_requests_total{job="plinth",route="${route}"})`;

  it('a PromQL query returns the request rate of a route after a bounded burst', async () => {
    // Prometheus has a sample of the counter before the burst, so rate() sees the burst as growth.
    const before = await until(() => query(requestsOfRoute), 'the route scraped once');
    const burst = 25;
    for (let sent = 0; sent < burst; sent++) {
      const response = await fetch(`${node.url}${route}`);
      await response.arrayBuffer();
    }
    await until(
      async () => ((await query(requestsOfRoute)) === before + burst ? true : undefined),
      'the burst scraped',
    );
    const rate = await query(`sum(rate(plinth_http_requests_total{job="plinth",route="${route}"}[1m]))`);
    expect(rate).toBeGreaterThan(0);
    const up = await query('up{job="plinth"}');
    expect(up).toBe(1);
    const queued = await query('count(plinth_jobs_queued{job="plinth"}) >= 0 or vector(0)');
    expect(queued).toBeGreaterThanOrEqual(0);
  });
});
