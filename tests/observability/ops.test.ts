import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PlinthMetrics } from '@plinth/core/telemetry';
import { useTestDatabase } from '@plinth/testing';

// Dashboards and alerts as code: promtool accepts the rules, and every series they name is one
// Plinth exports (a renamed metric would otherwise leave a silent alert and an empty panel).
const testDb = useTestDatabase();
const PROMTOOL = '/usr/bin/promtool';
const run = promisify(execFile);
const root = new URL('../../', import.meta.url);

if (!existsSync(PROMTOOL) && process.env.CI)
  throw new Error(`${PROMTOOL} is missing: .ci/run installs Debian's prometheus`);

/** `plinth_*` metric names in PromQL expressions, histogram suffixes folded to their family. */
function metricNames(expressions: string[]): Set<string> {
  const names = new Set<string>();
  for (const expression of expressions) {
    for (const [name] of expression.matchAll(/\bplinth_[a-z0-9_]+/g))
      names.add(name.replace(/_(bucket|sum|count)$/, ''));
  }
  return names;
}

describe('ops/ as code', () => {
  it.skipIf(!existsSync(PROMTOOL))('promtool check rules accepts ops/prometheus/alerts.yml', async () => {
    const { stdout } = await run(PROMTOOL, [
      'check',
      'rules',
      new URL('ops/prometheus/alerts.yml', root).pathname,
    ]);
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('the alerts and the Grafana dashboard name only series Plinth exports', async () => {
    const alerts = await readFile(new URL('ops/prometheus/alerts.yml', root), 'utf8');
    const dashboard = JSON.parse(await readFile(new URL('ops/grafana/plinth.json', root), 'utf8')) as {
      panels: { targets?: { expr: string }[] }[];
    };
    const expressions = [
      alerts,
      ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)),
    ];
    const used = metricNames(expressions);
    expect(used.size).toBeGreaterThan(10);
    const metrics = new PlinthMetrics({ pool: testDb.app.pool, jobsSchema: testDb.env.jobsSchema });
    const exported = new Set((await metrics.registry.getMetricsAsJSON()).map((metric) => metric.name));
    const recordingRules = new Set(
      [...alerts.matchAll(/record: (plinth:[a-z0-9_:]+)/g)].map((match) => match[1]),
    );
    expect(recordingRules.size).toBeGreaterThan(0);
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
  });
});
