import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '@plinth/api';
import type { Env } from '@plinth/core/env';
import { JobQueue } from '@plinth/core/jobs';
import { createLogger } from '@plinth/core/logger';
import { clearCapturedMail, createCaptureMailer, queueMail } from '@plinth/core/mail';
import { useTestDatabase } from '@plinth/testing';
import { createRequestListener } from './request-listener';
import { startPlinth, type RunningPlinth } from './start';
import { version } from './version';
import { queues } from './wiring';

const testDb = useTestDatabase();
const silent = createLogger({ level: 'silent' });

interface ListedMail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  tag: string | null;
  createdAt: string;
}
interface Envelope {
  error: { code: string; message: string; fields?: Record<string, string>; request_id: string };
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The API alone, with the given configuration, on a free port. */
async function serveApi(env: Env): Promise<{ url: string; server: Server }> {
  const api = createApi({ env, database: testDb.app, logger: silent, version });
  const server = createServer(createRequestListener({ api, production: env.isProduction, devServer: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('GET and DELETE /api/dev/mail, with captured mail', () => {
  let running: RunningPlinth;
  const list = async (query = '') => {
    const response = await fetch(`${running.url}/api/dev/mail${query}`);
    return { response, body: (await response.json()) as { messages: ListedMail[] } & Envelope };
  };

  beforeAll(async () => {
    const env = { ...testDb.env, role: 'api' as const, port: 0, host: '127.0.0.1' };
    running = await startPlinth(env, testDb.ownerUrl, { logger: silent });
  });
  afterAll(() => running.stop());

  beforeEach(async () => {
    await clearCapturedMail(testDb.app);
    const mailer = createCaptureMailer(testDb.app);
    await mailer.send({ to: 'ann@example.test', subject: 'First', html: '<p>1</p>', text: '1' });
    await mailer.send({
      to: 'bob@example.test',
      subject: 'Second',
      html: '<p>2</p>',
      text: '2',
      tag: 'magic-link',
    });
    await mailer.send({ to: 'ann@example.test', subject: 'Third', html: '<p>3</p>', text: '3' });
  });

  it('lists captured mail, newest first, never cached', async () => {
    const { response, body } = await list();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body.messages.map((message) => message.subject)).toEqual(['Third', 'Second', 'First']);
    expect(body.messages[1]).toEqual({
      id: expect.any(String),
      to: 'bob@example.test',
      subject: 'Second',
      html: '<p>2</p>',
      text: '2',
      tag: 'magic-link',
      // Extra headers a message was sent with (List-Unsubscribe on switchable mail); none here.
      headers: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('filters by recipient and limits the page', async () => {
    const forAnn = await list('?to=ann@example.test');
    expect(forAnn.body.messages.map((message) => message.subject)).toEqual(['Third', 'First']);
    const one = await list('?limit=1');
    expect(one.body.messages.map((message) => message.subject)).toEqual(['Third']);
  });

  it.each([
    ['an unknown parameter', '?too=ann@example.test', 'too', /unknown field/i],
    ['a repeated parameter', '?to=a@example.test&to=b@example.test', 'to', /.+/],
    ['a limit above 50', '?limit=51', 'limit', /.+/],
    ['a limit that is not a number', '?limit=all', 'limit', /.+/],
  ])('rejects %s with a 400 envelope naming the field', async (_case, query, field, message) => {
    const { response, body } = await list(query);
    expect(response.status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'invalid_input',
      fields: { [field]: expect.stringMatching(message) },
    });
    expect(body.error.request_id).toBe(response.headers.get('x-request-id'));
  });

  it('DELETE empties the captured outbox', async () => {
    const response = await fetch(`${running.url}/api/dev/mail`, { method: 'DELETE' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: 3 });
    expect((await list()).body.messages).toEqual([]);
    const typo = await fetch(`${running.url}/api/dev/mail?all=true`, { method: 'DELETE' });
    expect(typo.status).toBe(400);
  });
});

describe('where mail is really sent, /api/dev/mail does not exist', () => {
  it.each([
    [
      'the smtp transport',
      { mail: { transport: 'smtp', smtpUrl: 'smtp://127.0.0.1:2525', from: 'x <x@x.test>' } },
    ],
    // loadEnv already refuses capture in production; the API does not rely on that alone.
    ['production, even with capture configured', { isProduction: true, nodeEnv: 'production' }],
  ] as const)('answers 404 with the error envelope under %s', async (_case, overrides) => {
    const { url, server } = await serveApi({ ...testDb.env, ...overrides } as Env);
    try {
      for (const method of ['GET', 'DELETE']) {
        const response = await fetch(`${url}/api/dev/mail`, { method });
        expect(response.status).toBe(404);
        expect(((await response.json()) as Envelope).error.code).toBe('not_found');
      }
    } finally {
      server.close();
    }
  });
});

describe('mail end to end', () => {
  it('queued mail is rendered with the real templates by a worker node and shows up in the outbox', async () => {
    const node = (role: 'api' | 'worker') =>
      startPlinth({ ...testDb.env, role, port: 0, host: '127.0.0.1' }, testDb.ownerUrl, { logger: silent });
    const [api, worker] = await Promise.all([node('api'), node('worker')]);
    const jobs = new JobQueue({
      connectionString: testDb.appUrl,
      schema: testDb.env.jobsSchema,
      logger: silent,
      queues,
      runsWorkers: false,
    });
    try {
      await jobs.start();
      const url = 'http://localhost:3000/api/auth/reset-password/tok123?callbackURL=%2Freset';
      await queueMail(jobs, {
        template: 'reset-password',
        to: 'rita@example.test',
        data: { name: 'Rita', url },
      });

      const [message] = await until(async () => {
        const response = await fetch(`${api.url}/api/dev/mail?to=rita@example.test`);
        const { messages } = (await response.json()) as { messages: ListedMail[] };
        return messages.length > 0 ? messages : undefined;
      });
      expect(message).toMatchObject({ to: 'rita@example.test', tag: 'reset-password' });
      expect(message!.subject).toMatch(/reset your .* password/i);
      expect(message!.html).toContain(`href="${url}"`);
      expect(message!.text).toContain(url);
      expect(message!.text).toMatch(/^Hi Rita,/);
    } finally {
      await jobs.stop(2_000);
      await Promise.all([api.stop(), worker.stop()]);
    }
  });
});
