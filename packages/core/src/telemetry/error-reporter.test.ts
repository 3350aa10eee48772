import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTestQueues, useTestDatabase } from '@plinth/testing';
import { defineQueue, JobQueue, platformQueues } from '../jobs/index';
import { createLogger, currentLogContext, runWithLogContext } from '../logger/index';
import { combineReporters, logErrorReporter, type ErrorDetails, type ErrorReporter } from './index';

// The seam for errors nobody expected: a job that spent its retries reaches it once, in the
// context of the request that sent the job; failed attempts before that do not.
const testDb = useTestDatabase();
const doomed = defineQueue({
  name: 'test.doomed-report',
  retryLimit: 1,
  retryDelaySeconds: 1,
  retryBackoff: false,
});
const queues = [...platformQueues, doomed];

interface Reported {
  error: unknown;
  details: ErrorDetails;
  context: Record<string, unknown> | undefined;
}
const reported: Reported[] = [];
const recorder: ErrorReporter = {
  report(error, details) {
    reported.push({ error, details, context: { ...currentLogContext() } });
  },
};
let jobs: JobQueue;

beforeAll(async () => {
  await installTestQueues(testDb, queues);
  jobs = new JobQueue({
    connectionString: testDb.appUrl,
    schema: testDb.env.jobsSchema,
    logger: createLogger({ level: 'silent' }),
    queues,
    runsWorkers: true,
    pollingIntervalSeconds: 0.5,
    errorReporter: recorder,
  });
  await jobs.start();
});
afterAll(() => jobs.stop(2_000));

async function until<T>(probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the ErrorReporter', () => {
  it('hears once of a job that spent its retries, with the context of the request that sent it', async () => {
    let attempts = 0;
    await jobs.work(doomed.name, async () => {
      attempts++;
      throw new Error('the mail server said no');
    });
    const request = {
      request_id: 'rep-1',
      trace_id: 'e'.repeat(32),
      span_id: 'f'.repeat(16),
      workspace_id: 'w-rep',
    };
    const id = await runWithLogContext(request, () => jobs.send(doomed.name, { n: 1 }));
    const report = await until(() => reported.find((entry) => entry.details.queue === doomed.name));
    expect(attempts).toBe(2); // the first attempt and its one retry; only the last one reported
    expect(reported.filter((entry) => entry.details.queue === doomed.name)).toHaveLength(1);
    expect((report.error as Error).message).toBe('the mail server said no');
    expect(report.details).toEqual({ kind: 'job', queue: doomed.name, attempts: 2 });
    expect(report.context).toMatchObject({
      trace_id: 'e'.repeat(32),
      workspace_id: 'w-rep',
      request_id: 'rep-1',
      job_id: id,
      queue: doomed.name,
    });
  });

  it('the default writes one error line with the stack and the context; a failing transport does not stop it', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')));
        done();
      },
    });
    const broken: ErrorReporter = {
      report() {
        throw new Error('tracker down');
      },
    };
    const reporter = combineReporters(broken, logErrorReporter(createLogger({ level: 'info' }, stream)));
    runWithLogContext({ request_id: 'rep-2', user_id: 'u-rep' }, () =>
      reporter.report(new TypeError('cannot read x'), {
        kind: 'request',
        method: 'GET',
        route: '/api/v1/me',
        status: 500,
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'request failed',
      request_id: 'rep-2',
      user_id: 'u-rep',
      route: '/api/v1/me',
      status: 500,
      err: {
        type: 'TypeError',
        message: 'cannot read x',
        stack: expect.stringContaining('error-reporter.test.ts'),
      },
    });
  });
});
