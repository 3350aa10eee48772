import { and, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { capturedMail } from '@plinth/db';
import { freePort, HttpClient, type TestDatabase } from '@plinth/testing';
import type { Env } from '@plinth/core/env';
import { createLogger, type Logger } from '@plinth/core/logger';
import { prepareBucket } from '@plinth/core/storage';
import { startLocalS3, type LocalS3 } from '@plinth/testing/local-s3';
import { startPlinth, type RunningPlinth } from '../../apps/server/src/start';

export interface IdentityApp {
  url: string;
  /** The local S3 server the nodes store files in (a bucket per app, CORS for its origin). */
  s3: LocalS3;
  /** The nodes' storage settings (the bucket's name, the server's credentials). */
  storageEnv: Env['storage'];
  client(headers?: Record<string, string>): HttpClient;
  /** Waits for the newest mail to `to` sent after `since`, as the worker node delivers it. */
  mailTo(to: string, since?: Date): Promise<{ subject: string; text: string; html: string }>;
  /** The first link in a mail's text. */
  linkIn(mail: { text: string }): string;
  /** Waits until the mail.send queue has drained, so "no mail was sent" is a fact, not a race. */
  mailSettled(): Promise<void>;
}

/**
 * Two real nodes on the test database, as production runs them: an API node serving HTTP and a
 * worker node delivering mail through the job queue into the capture transport.
 */
export function useIdentityApp(
  testDb: TestDatabase,
  options: { logger?: Logger; env?: Partial<Env> } = {},
): IdentityApp {
  const nodes: RunningPlinth[] = [];
  let url = '';
  let s3: LocalS3 | undefined;
  let storageEnv: Env['storage'] | undefined;
  beforeAll(async () => {
    // Like `npm run dev`: no S3_ENDPOINT means the local S3 server, its bucket and CORS rule.
    s3 = await startLocalS3();
    storageEnv = {
      ...testDb.env.storage,
      endpoint: s3.url,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      region: s3.region,
      forcePathStyle: true,
    };
    const logger = options.logger ?? createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
    // The app must know its URL before it listens (APP_URL, the bucket's CORS origin), so the port is
    // picked first. Until the api node binds it, an outgoing connection of this process (Postgres,
    // S3) can take the same number as its source port: one CI run's contract tests failed with
    // EADDRINUSE. Such a start is retried on a fresh port; any other failure is not.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      await prepareBucket(storageEnv, [url]);
      const env = {
        ...testDb.env,
        port,
        host: '127.0.0.1',
        appUrl: url,
        storage: storageEnv,
        ...options.env,
      };
      try {
        nodes.push(await startPlinth({ ...env, role: 'api' }, testDb.ownerUrl, { logger }));
      } catch (error) {
        if (attempt < 5 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') continue;
        throw error;
      }
      nodes.push(await startPlinth({ ...env, role: 'worker' }, testDb.ownerUrl, { logger }));
      return;
    }
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await s3?.stop();
  });
  // Every request here comes from 127.0.0.1: start each test with fresh rate-limit counters so
  // the per-IP limits bind inside a test, not across a whole file.
  beforeEach(async () => {
    await testDb.owner.pool.query('delete from rate_limit');
  });
  return {
    get url() {
      return url;
    },
    get s3() {
      if (!s3) throw new Error('the app has not started');
      return s3;
    },
    get storageEnv() {
      if (!storageEnv) throw new Error('the app has not started');
      return storageEnv;
    },
    client: (headers) => new HttpClient(url, { 'user-agent': 'plinth-tests/1.0', ...headers }),
    async mailTo(to, since = new Date(0)) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const [mail] = await testDb.owner.db
          .select()
          .from(capturedMail)
          .where(and(eq(capturedMail.to, to), gt(capturedMail.createdAt, since)))
          .orderBy(desc(capturedMail.createdAt))
          .limit(1);
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async mailSettled() {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const { rows } = await testDb.owner.pool.query<{ n: number }>(
          `select count(*)::int as n from ${testDb.env.jobsSchema}.job
           where name = 'mail.send' and state in ('created', 'retry', 'active')`,
        );
        if (rows[0]!.n === 0) return;
        if (Date.now() > deadline) throw new Error('mail.send did not drain within 15 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    linkIn(mail) {
      const match = /https?:\/\/\S+/.exec(mail.text);
      if (!match) throw new Error(`no link in mail: ${mail.text}`);
      return match[0].replace(/[).,]+$/, '');
    },
  };
}
