import { createHmac, randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import pg from 'pg';
import { loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { uuidv7 } from '@plinth/db';
import { benchEnvSource, freePort, openBenchDatabase } from './bench-database';
import { parseBenchOptions } from './cli-options';
import { loadAverageNow, loadLine } from './report-format';
import { progress } from './run-lifecycle';

// `npm run bench:files [-- --connections 200 --duration 10]`: issue 15's number. One API node (its
// own process) serves the projects list (GET /api/v1/workspaces/{slug}/projects?limit=20, by
// session, 20 concurrent) while a second process keeps N (default 200) uploads of 1 MB in flight
// through presigned POST policies to the local S3 server (bench/files-uploads.ts). Reports
// uploads/s and MB/s, and the list's req/s and p99 without and with the uploads, in the same run.
// The API never touches the bytes: the difference is what sharing the machine's cores costs.
// Prints numbers; asserts nothing.

const options = parseBenchOptions({
  pgPort: 55_442,
  dataDir: '.data/bench-files',
  usage: 'npm run bench:files -- [--connections 200] [--duration 10]',
});
const UPLOADS = options.connections === 50 ? 200 : options.connections;
const LIST_CONCURRENCY = 20;
const loadBefore = loadAverageNow();

const env = loadEnv(benchEnvSource(options, {}));
const owner = await openBenchDatabase(env, createLogger({ level: 'silent' }), () => undefined);
const db = new pg.Pool({ connectionString: owner.ownerUrl, max: 4 });

progress('creating a member, a session, the workspace and 20 projects');
const workspaceId = uuidv7();
const userId = uuidv7();
const slug = `files-${Date.now().toString(36)}`;
await db.query(`insert into workspace (id, name, slug) values ($1, 'Files', $2)`, [workspaceId, slug]);
await db.query(`insert into "user" (id, name, email, email_verified) values ($1, 'Bench', $2, true)`, [
  userId,
  `files-${userId}@example.test`,
]);
await db.query(`insert into member (workspace_id, user_id, role) values ($1, $2, 'member')`, [
  workspaceId,
  userId,
]);
const token = randomBytes(24).toString('base64url');
await db.query(
  `insert into session (id, user_id, token, expires_at, created_at, updated_at)
                values ($1, $2, $3, now() + interval '1 day', now(), now())`,
  [uuidv7(), userId, token],
);
const signature = createHmac('sha256', env.auth.secret).update(token).digest('base64');
const cookie = `plinth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
for (let i = 0; i < 20; i++) {
  await db.query(`insert into project (id, workspace_id, name, created_by) values ($1, $2, $3, $4)`, [
    uuidv7(),
    workspaceId,
    `Project ${i}`,
    userId,
  ]);
}

const port = await freePort();
const node = fork(fileURLToPath(new URL('./realtime-node.ts', import.meta.url)), [owner.ownerUrl], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  env: benchEnvSource(options, {
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    API_RATE_LIMIT_SCALE: '1000',
  }) as NodeJS.ProcessEnv,
});
const ready = await new Promise<{ port: number }>((resolve, reject) => {
  node.once('message', (message) => resolve(message as { port: number }));
  node.once('exit', () => reject(new Error('the API node exited')));
});
const base = `http://127.0.0.1:${ready.port}`;

const uploader = fork(fileURLToPath(new URL('./files-uploads.ts', import.meta.url)), [], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
function fromUploader<T>(type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (message: { type: string; message?: string }) => {
      if (message.type === 'error') reject(new Error(message.message));
      if (message.type !== type) return;
      uploader.off('message', listener);
      resolve(message as T);
    };
    uploader.on('message', listener);
  });
}
await fromUploader('ready');

const agent = new http.Agent({ keepAlive: true, maxSockets: LIST_CONCURRENCY });
function listOnce(): Promise<void> {
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
/** The list at LIST_CONCURRENCY for `seconds`, or until `alongside` settles when that is later. */
async function listRun(
  seconds: number,
  alongside?: Promise<unknown>,
): Promise<{ rate: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = Date.now() + seconds * 1000;
  let settled = alongside === undefined;
  void alongside?.finally(() => (settled = true));
  await Promise.all(
    Array.from({ length: LIST_CONCURRENCY }, async () => {
      while (Date.now() < until || !settled) {
        const start = performance.now();
        await listOnce();
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const elapsed = (performance.now() - started) / 1000;
  return { rate: latencies.length / elapsed, p50: pct(0.5), p99: pct(0.99) };
}

progress('warming up the API node and the uploader');
await listRun(5);
const warm = fromUploader('done');
uploader.send({ type: 'run', concurrency: UPLOADS, seconds: 3 });
await warm;

progress(`the list benchmark without uploads (${options.durationSeconds} s)`);
const without = await listRun(options.durationSeconds);
const loadWithout = loadAverageNow();

progress(`the list benchmark with ${UPLOADS} uploads of 1 MB in flight (${options.durationSeconds} s)`);
const uploaded = fromUploader<{ uploads: number; seconds: number; bytes: number }>('done');
uploader.send({ type: 'run', concurrency: UPLOADS, seconds: options.durationSeconds });
// The list keeps running until the last upload has landed, so every upload overlaps it.
const withUploads = await listRun(options.durationSeconds, uploaded);
const uploads = await uploaded;
const loadWith = loadAverageNow();

const change = (after: number, before: number) =>
  `${after >= before ? '+' : ''}${((after / before - 1) * 100).toFixed(1)} %`;
console.log(
  `\nbench:files — one API node (projects list, ${LIST_CONCURRENCY} concurrent, by session) beside ${UPLOADS} concurrent 1 MB uploads to the local S3 server through presigned POST policies`,
);
console.log(loadLine(loadBefore));
console.log(
  `uploads: ${uploads.uploads} in ${uploads.seconds.toFixed(1)} s = ${(uploads.uploads / uploads.seconds).toFixed(1)} uploads/s (${(uploads.bytes / 1024 / 1024 / uploads.seconds).toFixed(1)} MB/s); none through the API`,
);
console.log(
  `projects list without uploads (baseline): ${without.rate.toFixed(0)} req/s, p50 ${without.p50.toFixed(1)} ms, p99 ${without.p99.toFixed(1)} ms (load average after: ${loadWithout.toFixed(2)})`,
);
console.log(
  `projects list with uploads:               ${withUploads.rate.toFixed(0)} req/s, p50 ${withUploads.p50.toFixed(1)} ms, p99 ${withUploads.p99.toFixed(1)} ms (load average after: ${loadWith.toFixed(2)})`,
);
console.log(
  `p99 ${change(withUploads.p99, without.p99)}, req/s ${change(withUploads.rate, without.rate)} with the uploads (issue 15's target: p99 within 10 %; on a machine with fewer cores than processes, the uploads' CPU is the API's loss)`,
);

uploader.send({ type: 'stop' });
await new Promise((resolve) => uploader.once('exit', resolve));
agent.destroy();
node.send({ type: 'stop' });
await new Promise((resolve) => node.once('exit', resolve));
await db.end();
await owner.stop();
process.exit(0);
