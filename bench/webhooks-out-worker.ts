// The worker node of `npm run bench:webhooks-out`, in a process of its own so its CPU time is its
// own: the outbox relay, the fan-out and the delivery loops, as a PLINTH_ROLE=worker node runs them.
// Answers { cpu } to "cpu" over IPC, { raw } to a raw fan-out request (the ceiling); stops on "stop".
import { EVENTS_TOPIC } from '@plinth/core/events';
import { createLogger } from '@plinth/core/logger';
import { JobQueue } from '@plinth/core/jobs';
import { startOutboxRelay } from '@plinth/core/outbox';
import { createSecretBox } from '@plinth/core/secrets';
import { postWebhook, registerWebhookJobs, webhookHeaders } from '@plinth/core/webhooks';
import { createDatabase } from '@plinth/db';
import { queues } from '../apps/server/src/wiring';

const appUrl = process.env.BENCH_APP_DATABASE_URL!;
const logger = createLogger({ level: 'silent' });
const database = createDatabase(appUrl, { max: 20 });
const jobs = new JobQueue({
  connectionString: appUrl,
  schema: process.env.BENCH_JOBS_SCHEMA!,
  logger,
  queues,
  runsWorkers: true,
  poolMax: 10,
  pollingIntervalSeconds: 0.5,
});
await jobs.start();
const relay = startOutboxRelay({ database, jobs, logger, consumedElsewhere: [EVENTS_TOPIC] }, 50);
const dispatcher = await registerWebhookJobs(
  {
    database,
    jobs,
    logger,
    appUrl: 'http://127.0.0.1',
    secrets: createSecretBox(process.env.BENCH_SECRETS_KEY!),
    egress: { requireHttps: false, allowPrivate: 'loopback' },
    maxInFlightPerEndpoint: Number(process.env.BENCH_PER_ENDPOINT ?? 32),
  },
  {
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 128),
    pollIntervalMs: 50,
    schedulePrune: false,
  },
);
/**
 * The ceiling: the same signed POSTs through the same egress (SSRF check, pinned address,
 * keep-alive pool), straight from memory, 16 at a time per receiver: no database at all.
 */
async function rawFanOut(targets: { url: string; secret: string }[], count: number) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    targets.flatMap((target) =>
      Array.from({ length: 16 }, async (_, lane) => {
        for (let n = lane; n < count; n += 16) {
          const body = JSON.stringify({
            type: 'ping',
            timestamp: new Date().toISOString(),
            data: { workspace_id: 'ws_bench', message: `raw ${n}` },
          });
          const headers = webhookHeaders([target.secret], `msg_raw${n}`, Math.floor(Date.now() / 1000), body);
          await postWebhook(
            { url: target.url, headers, body, timeoutMs: 15_000, maxBodyBytes: 4_096 },
            { requireHttps: false, allowPrivate: 'loopback' },
          );
        }
      }),
    ),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - started) / 1000, cpuMicros: cpu.user + cpu.system };
}

process.on('message', (message: string | { raw: { url: string; secret: string }[]; count: number }) => {
  if (typeof message === 'object') {
    void rawFanOut(message.raw, message.count).then((raw) => process.send!({ raw }));
  } else if (message === 'cpu') {
    const usage = process.cpuUsage();
    process.send!({ cpu: usage.user + usage.system });
  } else if (message === 'stop') {
    void (async () => {
      await relay.stop();
      await dispatcher.stop(2_000);
      await jobs.stop(5_000);
      await database.close();
      process.exit(0);
    })();
  }
});
process.send!({ ready: true });
