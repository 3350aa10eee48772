import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  addToLogContext,
  carriedContext,
  createLogger,
  currentLogContext,
  jobLogContext,
  parseTraceparent,
  runWithLogContext,
} from './index';

function captured() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'info' }, stream), lines };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the log context', () => {
  it('every line inside a context carries it, including what the chain learns later; none outside', async () => {
    const { logger, lines } = captured();
    await runWithLogContext(
      { request_id: 'r1', trace_id: 'a'.repeat(32), span_id: 'b'.repeat(16) },
      async () => {
        logger.info('before the actor is known');
        await Promise.resolve();
        addToLogContext({ user_id: 'u1', workspace_id: 'w1' });
        logger.child({ component: 'mail' }).info({ extra: 1 }, 'after');
      },
    );
    logger.info('outside');
    addToLogContext({ user_id: 'nobody' }); // no context: nothing to add to, nothing thrown
    await flush();
    expect(lines[0]).toMatchObject({
      msg: 'before the actor is known',
      request_id: 'r1',
      trace_id: 'a'.repeat(32),
    });
    expect(lines[0]).not.toHaveProperty('user_id');
    expect(lines[1]).toMatchObject({
      msg: 'after',
      request_id: 'r1',
      user_id: 'u1',
      workspace_id: 'w1',
      component: 'mail',
      extra: 1,
    });
    expect(lines[2]).not.toHaveProperty('request_id');
    expect(lines[2]).not.toHaveProperty('user_id');
  });

  it('a line’s own fields do not leak into the context of the lines after it', async () => {
    const { logger, lines } = captured();
    runWithLogContext({ request_id: 'r2' }, () => {
      logger.info({ status: 500 }, 'one');
      logger.info('two');
      expect(currentLogContext()).toEqual({ request_id: 'r2' });
    });
    await flush();
    expect(lines[1]).not.toHaveProperty('status');
  });

  it('secrets stay redacted on lines that carry the context', async () => {
    const { logger, lines } = captured();
    runWithLogContext({ request_id: 'r3', user_id: 'u3' }, () => {
      logger.info(
        {
          password: 'hunter2-password',
          body: { token: 'tok-secret-value', secret: 'sk_live_value' },
          headers: { authorization: 'Bearer plk_abcdef', cookie: 'session=xyz' },
          req: { headers: { authorization: 'Bearer plk_ghijkl', cookie: 'session=uvw' } },
        },
        'with secrets',
      );
    });
    await flush();
    const text = JSON.stringify(lines[0]);
    for (const secret of [
      'hunter2',
      'tok-secret',
      'sk_live',
      'plk_abcdef',
      'plk_ghijkl',
      'session=xyz',
      'session=uvw',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ request_id: 'r3', user_id: 'u3', password: '[redacted]' });
  });
});

describe('the carried context', () => {
  it('a job continues the trace of the request that sent it, as a new span', () => {
    const request = {
      request_id: 'r4',
      trace_id: 'c'.repeat(32),
      span_id: 'd'.repeat(16),
      workspace_id: 'w4',
      api_key_id: 'k4',
    };
    const carried = runWithLogContext(request, () => carriedContext());
    expect(carried).toEqual({
      traceparent: `00-${'c'.repeat(32)}-${'d'.repeat(16)}-01`,
      request_id: 'r4',
      workspace_id: 'w4',
      api_key_id: 'k4',
    });
    const job = jobLogContext(carried, { id: 'j1', queue: 'mail.send' });
    expect(job).toMatchObject({
      trace_id: 'c'.repeat(32),
      request_id: 'r4',
      workspace_id: 'w4',
      api_key_id: 'k4',
      job_id: 'j1',
      queue: 'mail.send',
    });
    expect(job.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(job.span_id).not.toBe('d'.repeat(16));
  });

  it('junk in a job’s data starts a fresh trace and is not copied into logs', () => {
    const job = jobLogContext(
      { traceparent: 'nonsense', workspace_id: { $ne: 1 }, user_id: 'x'.repeat(500) },
      { id: 'j2', queue: 'q' },
    );
    expect(job.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(job).not.toHaveProperty('workspace_id');
    expect(job).not.toHaveProperty('user_id');
    expect(jobLogContext(undefined, { id: 'j3', queue: 'q' }).trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('parses a W3C traceparent and refuses malformed or all-zero ones', () => {
    expect(parseTraceparent(`00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`)).toEqual({
      traceId: '1'.repeat(32),
      spanId: '2'.repeat(16),
      sampled: true,
    });
    // trace-flags is a bit field: "sampled" is bit 0 whatever else is set (level 2's "random" is bit 1).
    const flags = (value: string) =>
      parseTraceparent(`00-${'1'.repeat(32)}-${'2'.repeat(16)}-${value}`)?.sampled;
    expect([flags('00'), flags('01'), flags('02'), flags('03'), flags('FF')]).toEqual([
      false,
      true,
      false,
      true,
      true,
    ]);
    expect(parseTraceparent(`00-${'0'.repeat(32)}-${'2'.repeat(16)}-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${'1'.repeat(32)}-${'0'.repeat(16)}-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${'1'.repeat(31)}-${'2'.repeat(16)}-01`)).toBeUndefined();
    expect(parseTraceparent(undefined)).toBeUndefined();
  });
});
