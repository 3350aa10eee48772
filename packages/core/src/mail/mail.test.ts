import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installTestQueues, useTestDatabase } from '@plinth/testing';
import { AppError } from '../errors/index';
import { localeOfEmail } from '../identity/index';
import { JobQueue, platformQueues } from '../jobs/index';
import { createLogger } from '../logger/index';
import {
  clearCapturedMail,
  createCaptureMailer,
  listCapturedMail,
  mailQueue,
  maskEmail,
  queueMail,
  sendMailJob,
  type Mailer,
  type MailRenderer,
} from './index';

const testDb = useTestDatabase();
// mail.send as declared, but retrying after 1 s instead of 30 s so a retry fits in a test.
const queues = [...platformQueues, { ...mailQueue, retryDelaySeconds: 1, retryBackoff: false }];

/** A renderer that shows what it was given; the real templates are tested in @plinth/emails. */
const renderMail: MailRenderer = async (name, data) => ({
  subject: `[${name}]`,
  html: `<p>${JSON.stringify(data)}</p>`,
  text: JSON.stringify(data),
});

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info' }, stream) };
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

const started: JobQueue[] = [];
function node(logger = createLogger({ level: 'silent' })): JobQueue {
  const jobs = new JobQueue({
    connectionString: testDb.appUrl,
    schema: testDb.env.jobsSchema,
    logger,
    queues,
    runsWorkers: true,
    pollingIntervalSeconds: 0.5,
  });
  started.push(jobs);
  return jobs;
}

beforeAll(async () => {
  // Queues are created the way production creates them: by the owner, at migrate time.
  await installTestQueues(testDb, queues);
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((jobs) => jobs.stop(2_000)));
  await clearCapturedMail(testDb.app);
});

describe('the capture mailer', () => {
  it('stores each message and lists the newest first', async () => {
    const mailer = createCaptureMailer(testDb.app);
    for (const n of [1, 2, 3]) {
      await mailer.send({ to: 'ann@example.test', subject: `Hello ${n}`, html: '<p>hi</p>', text: 'hi' });
    }
    await mailer.send({
      to: 'bob@example.test',
      subject: 'For Bob',
      html: '<p>b</p>',
      text: 'b',
      tag: 'magic-link',
    });

    const all = await listCapturedMail(testDb.app, { limit: 50 });
    expect(all.map((message) => message.subject)).toEqual(['For Bob', 'Hello 3', 'Hello 2', 'Hello 1']);
    expect(all[0]).toMatchObject({ to: 'bob@example.test', html: '<p>b</p>', text: 'b', tag: 'magic-link' });
    expect(all[0]!.createdAt).toBeInstanceOf(Date);
    expect(all[1]!.tag).toBeNull();
  });

  it('filters by recipient and honours the limit', async () => {
    const mailer = createCaptureMailer(testDb.app);
    for (const to of ['ann@example.test', 'bob@example.test', 'ann@example.test']) {
      await mailer.send({ to, subject: `to ${to}`, html: '', text: '' });
    }
    const forAnn = await listCapturedMail(testDb.app, { to: 'ann@example.test', limit: 50 });
    expect(forAnn).toHaveLength(2);
    expect(forAnn.every((message) => message.to === 'ann@example.test')).toBe(true);
    expect(await listCapturedMail(testDb.app, { limit: 1 })).toHaveLength(1);
    expect(await listCapturedMail(testDb.app, { to: 'nobody@example.test', limit: 50 })).toEqual([]);
  });

  it('clears the outbox', async () => {
    await createCaptureMailer(testDb.app).send({ to: 'ann@example.test', subject: 's', html: '', text: '' });
    expect(await clearCapturedMail(testDb.app)).toBe(1);
    expect(await listCapturedMail(testDb.app, { limit: 50 })).toEqual([]);
  });
});

describe("the recipient's language", () => {
  it('renders mail in the locale the recipient saved, found by address; English for anyone else', async () => {
    await testDb.owner.pool.query(
      `insert into "user" (name, email, locale) values ('Greta', 'greta@example.test', 'de'),
         ('Nils', 'nils@example.test', null)`,
    );
    const seen: { to: string; locale: string | null | undefined }[] = [];
    const mailer = createCaptureMailer(testDb.app);
    const handler = sendMailJob({
      mailer,
      logger: createLogger({ level: 'silent' }),
      recipientLocale: (to) => localeOfEmail({ database: testDb.app }, to),
      renderMail: async (name, data, options) => {
        seen.push({ to: JSON.stringify(data), locale: options?.locale });
        return { subject: `[${name}:${options?.locale ?? 'none'}]`, html: '', text: '' };
      },
    });
    const url = 'http://localhost:3000/api/auth/magic-link/verify?token=t';
    const job = (to: string) =>
      [
        { template: 'magic-link', to, data: { url } },
        { id: to, retryCount: 0 },
      ] as const;
    for (const to of ['Greta@Example.test', 'nils@example.test', 'stranger@example.test']) {
      await handler(...(job(to) as unknown as Parameters<typeof handler>));
    }
    expect(seen.map((call) => call.locale)).toEqual(['de', null, null]);
    const subjects = (await listCapturedMail(testDb.app, { limit: 50 })).map((mail) => mail.subject);
    expect(subjects).toEqual(expect.arrayContaining(['[magic-link:de]', '[magic-link:none]']));
  });
});

describe('the mail.send queue', () => {
  it('a queued mail is rendered and delivered by the worker', async () => {
    const logs = captureLogs();
    const jobs = node();
    await jobs.start();
    await jobs.work(
      mailQueue.name,
      sendMailJob({ mailer: createCaptureMailer(testDb.app), renderMail, logger: logs.logger }),
    );
    const url = 'http://localhost:3000/api/auth/magic-link/verify?token=secret-token-123';
    const id = await queueMail(jobs, { template: 'magic-link', to: 'olivia.owner@acme.test', data: { url } });
    expect(id).toEqual(expect.any(String));

    const [message] = await until(async () => {
      const rows = await listCapturedMail(testDb.app, { to: 'olivia.owner@acme.test', limit: 50 });
      return rows.length > 0 ? rows : undefined;
    });
    expect(message).toMatchObject({
      subject: '[magic-link]',
      text: JSON.stringify({ url }),
      tag: 'magic-link',
    });

    // The log says what was sent and to whom, masked; never the link, whose token signs people in.
    const sent = await until(async () => logs.lines.find((line) => line.msg === 'mail sent'));
    expect(sent).toMatchObject({ template: 'magic-link', to: 'o***@acme.test', job_id: id, attempt: 1 });
    expect(JSON.stringify(logs.lines)).not.toContain('secret-token-123');
    expect(JSON.stringify(logs.lines)).not.toContain('olivia.owner@');
  });

  it('a failed delivery is retried, not lost', async () => {
    const jobs = node();
    await jobs.start();
    const capture = createCaptureMailer(testDb.app);
    let attempts = 0;
    const flakyMailer: Mailer = {
      async send(message) {
        attempts += 1;
        if (attempts === 1) throw new Error('421 try again later');
        await capture.send(message);
      },
    };
    await jobs.work(
      mailQueue.name,
      sendMailJob({ mailer: flakyMailer, renderMail, logger: createLogger({ level: 'silent' }) }),
    );
    await queueMail(jobs, {
      template: 'verify-email',
      to: 'vera@example.test',
      data: { name: 'Vera', url: 'http://localhost:3000/verify?token=t' },
    });
    const rows = await until(async () => {
      const found = await listCapturedMail(testDb.app, { to: 'vera@example.test', limit: 50 });
      return found.length > 0 ? found : undefined;
    });
    expect(rows).toHaveLength(1);
    expect(attempts).toBe(2);
  });

  it('refuses an invalid request before anything is queued, naming the field', async () => {
    const jobs = node();
    await jobs.start();
    const queued = async () => {
      const { rows } = await testDb.owner.pool.query<{ count: number }>(
        `select count(*)::int as count from ${testDb.env.jobsSchema}.job where name = $1`,
        [mailQueue.name],
      );
      return rows[0]!.count;
    };
    const before = await queued();
    const attempts = [
      {
        request: { template: 'magic-link', to: 'not-an-address', data: { url: 'http://x.test/a' } },
        field: 'to',
      },
      { request: { template: 'magic-link', to: 'a@example.test', data: {} }, field: 'data.url' },
      {
        request: { template: 'verify-email', to: 'a@example.test', data: { url: 'http://x.test/a' } },
        field: 'data.name',
      },
      { request: { template: 'welcome', to: 'a@example.test', data: {} }, field: 'template' },
      {
        request: { template: 'magic-link', to: 'a@example.test', data: { url: 'http://x.test/a', extra: 1 } },
        field: 'data.extra',
      },
    ];
    for (const { request, field } of attempts) {
      const error = await queueMail(jobs, request as never).catch((caught: unknown) => caught);
      expect(error, field).toBeInstanceOf(AppError);
      expect((error as AppError).fields, field).toHaveProperty([field]);
    }
    expect(await queued()).toBe(before);
  });
});

describe('maskEmail', () => {
  it('keeps the first letter and the domain', () => {
    expect(maskEmail('olivia.owner@acme.test')).toBe('o***@acme.test');
    expect(maskEmail('x@y.test')).toBe('x***@y.test');
    expect(maskEmail('no-at-sign')).toBe('***');
  });
});
