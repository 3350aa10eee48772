import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { searchWorkspace } from '@plinth/core/search';
import type { MemberActor } from '@plinth/core/tenancy';
import { createDatabase, readInTenant, uuidv7 } from '@plinth/db';
import { benchEnvSource, openBenchDatabase } from './bench-database';
import { parseBenchOptions } from './cli-options';
import { loadAverageNow, loadLine, milliseconds } from './report-format';
import { progress } from './run-lifecycle';

// `npm run bench:search [-- --rounds 3]`: issue 17's number. Seeds one workspace with 100 000
// projects (generate_series in SQL: word-list names and descriptions) beside 20 000 in four other
// workspaces, then calls the core searchWorkspace() — the function the API route and the palette
// call, as the app role, under row-level security — one query at a time over a mix of prefix, typo
// and multi-word queries, and reports p50/p99 per kind and overall. The baseline, in the same run on
// the same rows: a plain ILIKE '%q%' scan of name and description in the same tenant transaction.
// Target: search p99 < 50 ms. Prints numbers; asserts nothing.

const options = parseBenchOptions({
  pgPort: 55_443,
  dataDir: '.data/bench-search',
  usage: 'npm run bench:search -- [--rounds 3]',
});
const PROJECTS = 100_000;
const OTHER_PROJECTS = 20_000;
const TARGET_P99_MS = 50;
const loadBefore = loadAverageNow();

const env = loadEnv(benchEnvSource(options, {}));
const owner = await openBenchDatabase(env, createLogger({ level: 'silent' }), () => undefined);
const admin = new pg.Pool({ connectionString: owner.ownerUrl, max: 2 });
const database = createDatabase(appDatabaseUrl(env, owner.ownerUrl), { max: 2 });

const adjectives = `blue quiet rapid amber silver northern hidden golden bright crimson gentle bold
  lucky misty frozen wild calm hollow iron velvet`.split(/\s+/);
const nouns = `harbor lighthouse platform launch meadow river summit canyon orchard beacon
  garden falcon compass anchor bridge forest island valley harvest signal`.split(/\s+/);
const things = `migration redesign report rollout audit onboarding pipeline dashboard website
  campaign`.split(/\s+/);

const words = (list: string[]) => `array[${list.map((word) => `'${word}'`).join(',')}]`;
async function seed(workspaceId: string, count: number, userId: string): Promise<void> {
  await admin.query(
    `insert into project (id, workspace_id, name, description, created_by)
     select gen_random_uuid(), $1,
       initcap((${words(adjectives)})[1 + (i % ${adjectives.length})] || ' ' ||
               (${words(nouns)})[1 + ((i / ${adjectives.length}) % ${nouns.length})] || ' ' ||
               (${words(things)})[1 + ((i / ${adjectives.length * nouns.length}) % ${things.length})]) || ' ' || i,
       'The ' || (${words(things)})[1 + (i % ${things.length})] || ' for the ' ||
               (${words(nouns)})[1 + ((i * 7) % ${nouns.length})] || ' team',
       $2
     from generate_series(1, $3::int) as i`,
    [workspaceId, userId, count],
  );
}

progress(`seeding one workspace with ${PROJECTS} projects and four others with ${OTHER_PROJECTS} in all`);
const userId = uuidv7();
await admin.query(`insert into "user" (id, name, email, email_verified) values ($1, 'Bench', $2, true)`, [
  userId,
  `search-${userId}@example.test`,
]);
const workspaceIds: string[] = [];
for (let w = 0; w < 5; w++) {
  const id = uuidv7();
  workspaceIds.push(id);
  await admin.query(`insert into workspace (id, name, slug) values ($1, $2, $3)`, [
    id,
    `Search ${w}`,
    `search-${w}-${Date.now().toString(36)}`,
  ]);
  await admin.query(`insert into member (workspace_id, user_id, role) values ($1, $2, 'member')`, [
    id,
    userId,
  ]);
}
const seeded = performance.now();
await seed(workspaceIds[0]!, PROJECTS, userId);
for (const id of workspaceIds.slice(1)) await seed(id, OTHER_PROJECTS / 4, userId);
await admin.query('analyze project');
progress(`seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

const actor: MemberActor = { type: 'user', id: userId, workspaceId: workspaceIds[0]!, role: 'member' };
const queries: { kind: 'prefix' | 'typo' | 'multi-word'; q: string }[] = [
  { kind: 'prefix', q: 'har' },
  { kind: 'prefix', q: 'lightho' },
  { kind: 'prefix', q: 'crim' },
  { kind: 'prefix', q: 'onboard' },
  { kind: 'typo', q: 'lighthuose' },
  { kind: 'typo', q: 'platfrom' },
  { kind: 'typo', q: 'cmpass' },
  { kind: 'typo', q: 'orchrd' },
  { kind: 'multi-word', q: 'blue harbor' },
  { kind: 'multi-word', q: 'golden summit report' },
  { kind: 'multi-word', q: 'wild canyon 4' },
  { kind: 'multi-word', q: 'iron bridge rollout' },
];

const ilike = (q: string) =>
  readInTenant(database, actor.workspaceId, actor, (literal) => {
    const pattern = literal(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return (
      `select id, name from project where workspace_id = ${literal(actor.workspaceId)} and deleted_at is null` +
      ` and (name ilike ${pattern} or description ilike ${pattern}) order by name limit 10`
    );
  });

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(run: (q: string) => Promise<unknown>) {
  const byKind = new Map<string, number[]>();
  const hits = new Map<string, number>();
  for (let round = 0; round < Math.max(1, options.rounds) * 10; round++) {
    for (const { kind, q } of queries) {
      const started = performance.now();
      const rows = (await run(q)) as unknown[];
      const elapsed = performance.now() - started;
      hits.set(q, rows.length);
      const list = byKind.get(kind) ?? [];
      list.push(elapsed);
      byKind.set(kind, list);
    }
  }
  const all = [...byKind.values()].flat().sort((a, b) => a - b);
  return { byKind, all, hits };
}

progress('warming up');
for (const { q } of queries) {
  await searchWorkspace({ database }, actor, { q });
  await ilike(q);
}
progress('measuring searchWorkspace (tsvector + pg_trgm)');
const search = await measure((q) => searchWorkspace({ database }, actor, { q }));
progress('measuring the baseline (ILIKE scan)');
const baseline = await measure(ilike);

const row = (label: string, a: number[], b: number[]) => {
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...b].sort((x, y) => x - y);
  return (
    `${label.padEnd(14)}${milliseconds(percentile(sa, 50)).padStart(9)}${milliseconds(percentile(sa, 99)).padStart(9)}` +
    `${milliseconds(percentile(sb, 50)).padStart(12)}${milliseconds(percentile(sb, 99)).padStart(9)}${String(sa.length).padStart(9)}`
  );
};
console.log(
  `\nsearch over ${PROJECTS} projects in one workspace (${OTHER_PROJECTS} more elsewhere), one query at a time`,
);
console.log(
  `${'queries'.padEnd(14)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'ILIKE p50'.padStart(12)}${'p99'.padStart(9)}${'samples'.padStart(9)}`,
);
for (const kind of ['prefix', 'typo', 'multi-word']) {
  console.log(row(kind, search.byKind.get(kind) ?? [], baseline.byKind.get(kind) ?? []));
}
console.log(row('all', search.all, baseline.all));
console.log(
  `hits per query (search, capped at 10): ${queries.map(({ q }) => `${q}=${search.hits.get(q)}`).join(', ')}`,
);
const p99 = percentile(search.all, 99);
console.log(
  `target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'MET' : 'NOT MET'} (${milliseconds(p99)} ms)`,
);
console.log(loadLine(loadBefore));

await database.pool.end();
await admin.end();
await owner.stop();
process.exit(0);
