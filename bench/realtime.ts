import { createHmac, randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import pg from 'pg';
import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { uuidv7 } from '@plinth/db';
import { benchEnvSource, freePort, openBenchDatabase } from './bench-database';
import { parseBenchOptions } from './cli-options';
import { loadAverageNow } from './report-format';
import { progress } from './run-lifecycle';

// `npm run bench:realtime [-- --connections 2000 --duration 10]`: issue 14's numbers. One API node
// (its own process) holds N open SSE streams (GET /api/v1/me/events, session cookies, opened and read
// by a third process: bench/realtime-clients.ts); a workspace
// invalidation is committed every 10 ms (pg_notify in a transaction, as emitEvent does) for a
// workspace whose members hold 100 of the streams. Reports delivery latency from commit to receipt
// (p50/p99), the node's memory per idle stream (RSS with N streams minus RSS before, over N), the
// node's CPU during the publishing window, and the projects-list req/s on the same node without and
// with the N streams open (same run, same machine). Prints numbers; asserts nothing.

const options = parseBenchOptions({
  pgPort: 55_441,
  dataDir: '.data/bench-realtime',
  usage: 'npm run bench:realtime -- [--connections 2000] [--duration 10]',
});
const STREAMS = options.connections === 50 ? 2_000 : options.connections;
const RECEIVERS = 100;
// Streams per person: under the node's cap per person (MAX_STREAMS_PER_USER, 8), as tabs would be.
const STREAMS_PER_PERSON = 5;
const PUBLISH_EVERY_MS = 10;
const LIST_CONCURRENCY = 20;

const env = loadEnv(benchEnvSource(options, {}));
const owner = await openBenchDatabase(env, createLogger({ level: 'silent' }), () => undefined);
const db = new pg.Pool({ connectionString: owner.ownerUrl, max: 4 });

// People: 20 members of the workspace (5 streams each = the 100 receivers), and idle people
// holding the other streams (5 each), with sessions signed as better-auth signs them.
progress('creating people, the workspace and sessions');
const workspaceId = uuidv7();
const slug = `rt-${Date.now().toString(36)}`;
await db.query(`insert into workspace (id, name, slug) values ($1, $2, $3)`, [workspaceId, 'Realtime', slug]);
async function person(member: boolean): Promise<string> {
  const id = uuidv7();
  await db.query(`insert into "user" (id, name, email, email_verified) values ($1, 'Bench', $2, true)`, [
    id,
    `rt-${id}@example.test`,
  ]);
  if (member) {
    await db.query(`insert into member (workspace_id, user_id, role) values ($1, $2, 'member')`, [
      workspaceId,
      id,
    ]);
  }
  const token = randomBytes(24).toString('base64url');
  await db.query(
    `insert into session (id, user_id, token, expires_at, created_at, updated_at)
                  values ($1, $2, $3, now() + interval '1 day', now(), now())`,
    [uuidv7(), id, token],
  );
  const signature = createHmac('sha256', env.auth.secret).update(token).digest('base64');
  return `plinth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}
const memberCookies = await Promise.all(
  Array.from({ length: RECEIVERS / STREAMS_PER_PERSON }, () => person(true)),
);
const idleCookies = await Promise.all(
  Array.from({ length: Math.ceil((STREAMS - RECEIVERS) / STREAMS_PER_PERSON) }, () => person(false)),
);
// The list benchmark reads as a member; the projects above need a creator, so create them now.
const [firstMember] = (
  await db.query<{ user_id: string }>(`select user_id from member where workspace_id = $1`, [workspaceId])
).rows;
for (let i = 0; i < 20; i++) {
  await db.query(`insert into project (id, workspace_id, name, created_by) values ($1, $2, $3, $4)`, [
    uuidv7(),
    workspaceId,
    `Project ${i}`,
    firstMember!.user_id,
  ]);
}

const port = await freePort();
const child = fork(fileURLToPath(new URL('./realtime-node.ts', import.meta.url)), [owner.ownerUrl], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  env: benchEnvSource(options, {
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    API_RATE_LIMIT_SCALE: '1000',
  }) as NodeJS.ProcessEnv,
});
const ready = await new Promise<{ port: number; pid: number }>((resolve, reject) => {
  child.once('message', (message) => resolve(message as { port: number; pid: number }));
  child.once('exit', () => reject(new Error('the API node exited')));
});
const base = `http://127.0.0.1:${ready.port}`;

async function rssKb(): Promise<number> {
  const status = await readFile(`/proc/${ready.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}
async function cpuTicks(): Promise<number> {
  const fields = (await readFile(`/proc/${ready.pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: LIST_CONCURRENCY });
function listOnce(cookie: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${base}/api/v1/workspaces/${slug}/projects?limit=20`,
      { agent, headers: { cookie } },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200 ? resolve() : reject(new Error(`${response.statusCode}`)),
        );
      },
    );
    request.on('error', reject);
  });
}
async function listRate(seconds: number): Promise<number> {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: LIST_CONCURRENCY }, async () => {
      while (Date.now() < until) {
        await listOnce(memberCookies[0]!);
        done++;
      }
    }),
  );
  return done / seconds;
}

// Streams: held by a child process of their own (bench/realtime-clients.ts), so parsing them does
// not delay the publisher's commit stamps on this process's event loop; both stamp epoch time.
const epochNow = () => performance.timeOrigin + performance.now();
const clients = fork(fileURLToPath(new URL('./realtime-clients.ts', import.meta.url)), [base], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
function fromClients<T>(type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (message: { type: string; message?: string }) => {
      if (message.type === 'error') reject(new Error(message.message));
      if (message.type !== type) return;
      clients.off('message', listener);
      resolve(message as T);
    };
    clients.on('message', listener);
  });
}
await fromClients('ready');

progress(`warming up the API node, then the list benchmark without streams`);
// Long enough for the JIT and the pools to settle, so the first measured run is not the slower one.
await listRate(6);
const listWithout = await listRate(options.durationSeconds);
// The node's resident size once it has served the same list workload (its heap grown to fit it),
// so the difference below is what the streams hold, not what the list run left behind.
await new Promise((resolve) => setTimeout(resolve, 2_000));
const rssBefore = await rssKb();

progress(`opening ${STREAMS} streams (${RECEIVERS} of them members of the workspace)`);
const streamCookies = [
  ...memberCookies.flatMap((cookie) => Array.from({ length: STREAMS_PER_PERSON }, () => cookie)),
  ...Array.from({ length: STREAMS - RECEIVERS }, (_, i) => idleCookies[Math.floor(i / STREAMS_PER_PERSON)]!),
];
const opened = fromClients<{ count: number }>('opened');
clients.send({ type: 'open', cookies: streamCookies });
if ((await opened).count !== STREAMS) throw new Error('not every stream opened');
await new Promise((resolve) => setTimeout(resolve, 2_000));
const rssWith = await rssKb();

progress(`publishing every ${PUBLISH_EVERY_MS} ms for ${options.durationSeconds} s`);
const committed = new Map<string, number>();
const cpuStart = await cpuTicks();
const publishStart = performance.now();
const publisher = (async () => {
  const client = await db.connect();
  try {
    let next = performance.now();
    while (performance.now() - publishStart < options.durationSeconds * 1000) {
      const id = uuidv7();
      const payload = JSON.stringify({ i: id, k: 'workspace', w: workspaceId, t: 'projects' });
      await client.query('begin');
      await client.query('select pg_notify($1, $2)', ['realtime', payload]);
      await client.query('commit');
      committed.set(id, epochNow());
      next += PUBLISH_EVERY_MS;
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  } finally {
    client.release();
  }
})();
await publisher;
const publishSeconds = (performance.now() - publishStart) / 1000;
const cpuEnd = await cpuTicks();
await new Promise((resolve) => setTimeout(resolve, 1_000));

progress('the list benchmark with the streams open');
const listWith = await listRate(options.durationSeconds);

const report = fromClients<{ received: [string, number[]][] }>('report');
clients.send({ type: 'report' });
const received = new Map((await report).received);

// The list again without the streams: the baseline is the mean of the runs before and after, so a
// drift of the machine during the run (another process, the JIT, the pools) weighs on both sides.
progress('the list benchmark after closing the streams');
const closed = fromClients('closed');
clients.send({ type: 'close' });
await closed;
await new Promise((resolve) => setTimeout(resolve, 1_000));
const listAfter = await listRate(options.durationSeconds);
const listBaseline = (listWithout + listAfter) / 2;
const latencies: number[] = [];
let missing = 0;
for (const [id, at] of committed) {
  const arrivals = received.get(id) ?? [];
  missing += RECEIVERS - arrivals.length;
  for (const time of arrivals) latencies.push(time - at);
}
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const ticksPerSecond = 100;

console.log(
  `\nbench:realtime — one API node, ${STREAMS} SSE streams, 1 event / ${PUBLISH_EVERY_MS} ms to ${RECEIVERS} of them`,
);
console.log(`load average at the start of publishing: ${loadAverageNow()}`);
console.log(`events committed: ${committed.size}; deliveries: ${latencies.length} (missing ${missing})`);
console.log(
  `delivery commit → receipt: p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${pct(100).toFixed(1)} ms (target p99 < 250 ms)`,
);
console.log(
  `memory per idle stream: ${(((rssWith - rssBefore) * 1024) / STREAMS / 1024).toFixed(1)} KB (RSS ${rssBefore} → ${rssWith} kB; target < 50 KB)`,
);
console.log(
  `API node CPU while publishing: ${(((cpuEnd - cpuStart) / ticksPerSecond / publishSeconds) * 100).toFixed(0)} % of one core`,
);
console.log(
  `projects list, ${LIST_CONCURRENCY} concurrent: ${listBaseline.toFixed(0)} req/s without streams (baseline: mean of ${listWithout.toFixed(0)} before and ${listAfter.toFixed(0)} after), ${listWith.toFixed(0)} req/s with ${STREAMS} open (${listWith >= listBaseline ? '+' : ''}${((listWith / listBaseline - 1) * 100).toFixed(1)} %; target within 10 %)`,
);

clients.send({ type: 'stop' });
await new Promise((resolve) => clients.once('exit', resolve));
agent.destroy();
child.send({ type: 'stop' });
await new Promise((resolve) => child.once('exit', resolve));
await db.end();
await owner.stop();
process.exit(0);
