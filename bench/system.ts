import pg from 'pg';
import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { listFailedJobs, listNodes, readSystemOverview, startHeartbeat } from '@plinth/core/system';
import { PlinthMetrics } from '@plinth/core/telemetry';
import { createDatabase } from '@plinth/db';
import { benchEnvSource, openBenchDatabase } from './bench-database';
import { parseBenchOptions } from './cli-options';
import { loadAverageNow, loadLine } from './report-format';
import { progress } from './run-lifecycle';

// `npm run bench:system [-- --rounds 3]`: what /admin/system costs the database, with pg-boss's job
// table and archive as a busy week leaves them (100 000 archived jobs, 1 000 of them failed; 2 000
// waiting and 200 failed in the job table), against the Prometheus scrape of the same gauges
// (PlinthMetrics without runtime metrics) in the same run. Also one heartbeat against `select 1`.
// Median of 30 reads per row and round; prints numbers, asserts nothing.

const options = parseBenchOptions({
  pgPort: 54347,
  dataDir: '.data/bench-system',
  usage: 'usage: npm run bench:system [-- --rounds 2 --pg-port 54347 --data-dir .data/bench-system]',
});
const READS = 30;
const QUEUE = 'maintenance.outbox-prune';

const env = loadEnv(benchEnvSource(options, {}));
const logger = createLogger({ level: 'warn' });
let stopOwner: (() => Promise<void>) | undefined;
const owner = await openBenchDatabase(env, logger, (opened) => (stopOwner = () => opened.stop()));
const database = createDatabase(appDatabaseUrl(env, owner.ownerUrl), { max: 4 });
const schema = env.jobsSchema;
const seeder = new pg.Client({ connectionString: owner.ownerUrl });
await seeder.connect();

async function seed(): Promise<void> {
  progress('seeding pg-boss: 100 000 archived jobs (1 000 failed), 2 000 waiting and 200 failed');
  const columns = `id, name, priority, data, state, retry_limit, retry_count, retry_delay, retry_backoff,
    start_after, expire_in, created_on, completed_on, keep_until, output`;
  await seeder.query(
    `insert into ${schema}.archive (${columns}, archived_on)
     select gen_random_uuid(), $1, 0, '{"bench": true}', case when n % 100 = 0 then 'failed' else 'completed' end::${schema}.job_state,
            2, 2, 0, false, now() - interval '2 days', interval '15 minutes', now() - interval '2 days',
            now() - interval '2 days' + n * interval '1 second', now() + interval '12 days',
            case when n % 100 = 0 then '{"message": "bench failure"}'::jsonb end,
            now() - interval '2 days' + n * interval '1 second' + interval '12 hours'
       from generate_series(1, 100000) n`,
    [QUEUE],
  );
  await seeder.query(
    `insert into ${schema}.job (${columns})
     select gen_random_uuid(), $1, 0, '{"bench": true}', case when n <= 200 then 'failed' else 'created' end::${schema}.job_state,
            2, case when n <= 200 then 2 else 0 end, 0, false, now() + interval '1 day', interval '15 minutes',
            now() - n * interval '1 second', case when n <= 200 then now() end, now() + interval '14 days',
            case when n <= 200 then '{"message": "bench failure"}'::jsonb end
       from generate_series(1, 2200) n`,
    [QUEUE],
  );
  await seeder.query(`analyze ${schema}.job; analyze ${schema}.archive`);
}

async function unseed(): Promise<void> {
  await seeder.query(`delete from ${schema}.archive where name = $1 and data->>'bench' = 'true'`, [QUEUE]);
  await seeder.query(`delete from ${schema}.job where name = $1 and data->>'bench' = 'true'`, [QUEUE]);
}

const row = (cells: string[]) =>
  `${cells[0]!.padEnd(44)}${cells
    .slice(1)
    .map((cell) => cell.padStart(12))
    .join('')}`;

async function median(read: () => Promise<unknown>): Promise<number> {
  await read();
  const times: number[] = [];
  for (let i = 0; i < READS; i++) {
    // A turn of the event loop between reads: the scrape shares one database read per scrape, and
    // reuses it until then.
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    await read();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

try {
  await unseed();
  await seed();
  const loadBefore = loadAverageNow();
  const deps = { database, jobsSchema: schema };
  const metrics = new PlinthMetrics({ pool: database.pool, jobsSchema: schema, runtime: false });
  const heartbeat = await startHeartbeat({ database, logger }, { role: 'bench', version: '0.0.0' });
  const heartbeatRow = () =>
    database.pool.query(
      `insert into node_heartbeat (id, role, version, hostname, pid, started_at, last_seen_at)
       values ($1, 'bench', '0.0.0', 'bench', 1, now(), now())
       on conflict (id) do update set last_seen_at = now(), stopped_at = null`,
      [heartbeat.id],
    );
  const rows: { label: string; ms: number[] }[] = [
    { label: 'baseline: Prometheus scrape of the gauges', ms: [] },
    { label: 'readSystemOverview', ms: [] },
    { label: 'listFailedJobs (newest 50)', ms: [] },
    { label: 'listNodes', ms: [] },
    { label: 'the page: all three at once', ms: [] },
    { label: 'baseline: select 1', ms: [] },
    { label: 'one heartbeat upsert', ms: [] },
  ];
  const reads = [
    () => metrics.text(),
    () => readSystemOverview(deps),
    () => listFailedJobs(deps, { limit: 50 }),
    () => listNodes(deps),
    () => Promise.all([readSystemOverview(deps), listFailedJobs(deps, { limit: 50 }), listNodes(deps)]),
    () => database.pool.query('select 1'),
    heartbeatRow,
  ];
  for (let round = 0; round < options.rounds; round++) {
    for (const [index, read] of reads.entries()) rows[index]!.ms.push(await median(read));
  }
  await heartbeat.stop();
  const lines = [
    `/admin/system reads — ${READS} reads per row and round, ${options.rounds} rounds, median per round`,
    row(['read', ...Array.from({ length: options.rounds }, (_, i) => `round ${i + 1} ms`)]),
    ...rows.map((entry) => row([entry.label, ...entry.ms.map((ms) => ms.toFixed(2))])),
    loadLine(loadBefore),
  ];
  console.log(lines.join('\n'));
} finally {
  await unseed().catch(() => {});
  await seeder.end();
  await database.close();
  await stopOwner?.();
}
