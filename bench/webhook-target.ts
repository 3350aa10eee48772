import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { appDatabaseUrl, loadEnv, type Env } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { startPlinth } from '../apps/server/src/start';

// Child process of bench/webhooks.ts: serves one target — `plinth` (an API node, PLINTH_ROLE=api,
// with the Stripe webhook route) or `raw` (node:http + pg storing the same inbox row, without
// verifying anything) — in its own process, apart from the load and from the other target.

export type WebhookTargetName = 'raw' | 'plinth';
export type WebhookTargetCommand =
  | {
      type: 'start';
      target: WebhookTargetName;
      ownerUrl: string;
      envSource: Record<string, string | undefined>;
    }
  | { type: 'stop' };
export type WebhookTargetReply = { type: 'listening'; port: number } | { type: 'failed'; message: string };

/** The baseline's table, made by bench/webhooks.ts like webhook_event (same columns, keys and indexes). */
const RAW_INBOX_TABLE = 'bench_webhook_event';

interface RunningTarget {
  port: number;
  stop(): Promise<void>;
}

let running: RunningTarget | undefined;
let stopping: Promise<void> | undefined;

async function startTarget(target: WebhookTargetName, env: Env, ownerUrl: string): Promise<RunningTarget> {
  if (target === 'plinth') {
    const plinth = await startPlinth(env, ownerUrl, {
      logger: createLogger({ level: env.logLevel }),
      dev: false,
    });
    return { port: (plinth.server!.address() as AddressInfo).port, stop: () => plinth.stop() };
  }
  return startRawServer(env, ownerUrl);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The same row our inbox stores, from the same JSON, with no signature check, queue or framework. */
async function startRawServer(env: Env, ownerUrl: string): Promise<RunningTarget> {
  const pool = new pg.Pool({
    connectionString: appDatabaseUrl(env, ownerUrl),
    max: env.databasePoolMax,
    application_name: 'plinth-bench-raw-webhooks',
  });
  pool.on('error', () => {});
  const server: Server = createServer((req, res) => {
    readBody(req)
      .then(async (body) => {
        const event = JSON.parse(body) as {
          id: string;
          type: string;
          created: number;
          livemode: boolean;
          api_version: string | null;
          data: { object: { customer?: string } };
        };
        await pool.query({
          name: 'bench_raw_inbox_insert',
          text: `insert into ${RAW_INBOX_TABLE} (id, type, customer_id, api_version, livemode, stripe_created_at, payload)
                 values ($1, $2, $3, $4, $5, to_timestamp($6), $7) on conflict (id) do nothing`,
          values: [
            event.id,
            event.type,
            event.data.object.customer ?? null,
            event.api_version,
            event.livemode,
            event.created,
            body,
          ],
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"received":true}');
      })
      .catch(() => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end('{"error":"invalid"}');
      });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await pool.end();
    },
  };
}

function reply(message: WebhookTargetReply): void {
  process.send?.(message);
}

function stopAndExit(): Promise<void> {
  stopping ??= (async () => {
    setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await running?.stop();
    } finally {
      if (process.connected) process.disconnect();
      process.exit(0);
    }
  })();
  return stopping;
}

process.on('message', (message: WebhookTargetCommand) => {
  if (message.type === 'stop') {
    void stopAndExit();
    return;
  }
  startTarget(message.target, loadEnv(message.envSource), message.ownerUrl).then(
    (target) => {
      running = target;
      reply({ type: 'listening', port: target.port });
    },
    (error: unknown) =>
      reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => void stopAndExit());
