import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** How the receiver answers: 2xx, a 500, never (until the sender gives up), or 410 Gone. */
export type ReceiverMode = 'ok' | 'fail' | 'timeout' | 'gone';

export interface ReceivedWebhook {
  webhookId: string;
  timestamp: string;
  signature: string;
  body: string;
  /** The event's `type`, parsed from the body. */
  type: string;
  /** Labels of the secrets whose signature verified (standardwebhooks' own verify, one per secret). */
  verifiedBy: string[];
  /** What the receiver answered. */
  answered: ReceiverMode;
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  /** Every request that arrived, in order (duplicates included). */
  received: ReceivedWebhook[];
  /** Verified requests answered 2xx, deduplicated by webhook-id as a receiver should: id → first copy. */
  processed: Map<string, ReceivedWebhook>;
  /** Verified-and-answered-2xx copies per webhook-id, before dedup (a redelivery shows as 2). */
  acknowledgedCount(webhookId: string): number;
  setMode(mode: ReceiverMode): void;
  /** Secrets it verifies with, by label (rotation: add the new one, drop the old one). */
  setSecrets(secrets: Record<string, string>): void;
  /** Stops listening (connections refused) until start() again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  waitFor(predicate: (receiver: WebhookReceiver) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A customer's receiver on loopback, for our tests and for trying webhooks locally: it verifies
 * every request with the `standardwebhooks` library (the reference implementation, not our code),
 * refuses (401) one that verifies with none of its secrets, and answers as told.
 */
export async function startWebhookReceiver(
  options: { secrets?: Record<string, string>; mode?: ReceiverMode; port?: number } = {},
): Promise<WebhookReceiver> {
  let secrets = options.secrets ?? {};
  let mode: ReceiverMode = options.mode ?? 'ok';
  let port = options.port ?? 0;
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  const received: ReceivedWebhook[] = [];
  const processed = new Map<string, ReceivedWebhook>();
  const acknowledged = new Map<string, number>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(req.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
      };
      const verifiedBy = Object.entries(secrets)
        .filter(([, secret]) => {
          try {
            new Webhook(secret).verify(body, headers);
            return true;
          } catch {
            return false;
          }
        })
        .map(([label]) => label);
      let type = '';
      try {
        type = String((JSON.parse(body) as { type?: unknown }).type ?? '');
      } catch {
        type = '';
      }
      const entry: ReceivedWebhook = {
        webhookId: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        body,
        type,
        verifiedBy,
        answered: mode,
        receivedAt: Date.now(),
      };
      received.push(entry);
      if (mode === 'timeout') return; // never answer; the sender's timeout ends it
      if (verifiedBy.length === 0) {
        res.writeHead(401).end('signature did not verify');
        return;
      }
      if (mode === 'fail') {
        res.writeHead(500).end('receiver failing on purpose');
        return;
      }
      if (mode === 'gone') {
        res.writeHead(410).end('gone');
        return;
      }
      acknowledged.set(entry.webhookId, (acknowledged.get(entry.webhookId) ?? 0) + 1);
      if (!processed.has(entry.webhookId)) processed.set(entry.webhookId, entry);
      res.writeHead(204).end();
    });
  };

  const receiver: WebhookReceiver = {
    url: '',
    port: 0,
    received,
    processed,
    acknowledgedCount: (webhookId) => acknowledged.get(webhookId) ?? 0,
    setMode(next) {
      mode = next;
    },
    setSecrets(next) {
      secrets = next;
    },
    async start() {
      server = createServer(handle);
      server.keepAliveTimeout = 60_000;
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
      port = (server.address() as AddressInfo).port;
      receiver.port = port;
      receiver.url = `http://127.0.0.1:${port}/webhooks`;
    },
    async stop() {
      const closing = server;
      server = undefined;
      if (!closing) return;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async waitFor(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(receiver)) {
        if (Date.now() > deadline)
          throw new Error(`the webhook receiver did not see it within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => receiver.stop(),
  };
  await receiver.start();
  return receiver;
}
