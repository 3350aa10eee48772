import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, runWithLogContext } from '../logger/index';
import { createSentryReporter, deferredReporter } from './index';

// The official @sentry/node client, pointed at a local HTTP receiver standing in for Sentry (outside
// our walls): what arrives is a real envelope, checked item by item.
interface Received {
  path: string;
  auth: string;
  lines: Record<string, unknown>[];
}
const received: Received[] = [];
let server: Server;
let dsn = '';

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void body(req).then((text) => {
      received.push({
        path: req.url ?? '',
        auth: String(req.headers['x-sentry-auth'] ?? ''),
        lines: text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dsn = `http://plinthpublickey@127.0.0.1:${(server.address() as AddressInfo).port}/4242`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('the Sentry transport of the ErrorReporter', () => {
  it('sends one envelope per report with the exception, stack, context tags and actor id', async () => {
    const reporter = await createSentryReporter({
      dsn,
      environment: 'test',
      release: '1.2.3',
      serverName: 'api',
    });
    const trace = 'ab'.repeat(16);
    runWithLogContext(
      {
        request_id: 'sentry-1',
        trace_id: trace,
        span_id: 'cd'.repeat(8),
        workspace_id: 'w-sentry',
        user_id: 'u-sentry',
      },
      () =>
        reporter.report(new RangeError('quota math went wrong'), {
          kind: 'request',
          method: 'POST',
          route: '/api/v1/workspaces/:slug/projects',
          status: 500,
        }),
    );
    await reporter.flush!(5_000);

    expect(received).toHaveLength(1);
    const [envelope] = received;
    const url = new URL(envelope!.path, 'http://receiver');
    expect(url.pathname).toBe('/api/4242/envelope/');
    expect(`${url.search} ${envelope!.auth}`).toContain('sentry_key=plinthpublickey');
    interface SentryEvent {
      exception: { values: { stacktrace?: { frames?: { filename?: string }[] } }[] };
      contexts?: { trace?: { trace_id?: string } };
    }
    const [header, itemHeader, event] = envelope!.lines as [object, object, SentryEvent];
    expect(header).toMatchObject({
      event_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      sdk: { name: expect.stringContaining('sentry') },
    });
    expect(itemHeader).toMatchObject({ type: 'event' });
    expect(event).toMatchObject({
      environment: 'test',
      release: '1.2.3',
      server_name: 'api',
      level: 'error',
      user: { id: 'u-sentry' },
      tags: {
        kind: 'request',
        route: '/api/v1/workspaces/:slug/projects',
        status: '500',
        request_id: 'sentry-1',
        trace_id: trace,
        workspace_id: 'w-sentry',
      },
      exception: { values: [{ type: 'RangeError', value: 'quota math went wrong' }] },
    });
    const frames = event.exception.values[0]?.stacktrace?.frames ?? [];
    expect(frames.some((frame) => frame.filename?.includes('sentry-reporter.test.ts'))).toBe(true);
    expect(event.contexts?.trace?.trace_id).toBe(trace);
    expect(JSON.stringify(event)).not.toMatch(/ip_address|@example/);
  });

  it('a report made while the SDK still loads (as the wiring builds it) goes out with its context', async () => {
    const before = received.length;
    const reporter = deferredReporter(
      createSentryReporter({ dsn, environment: 'test', release: '1.2.3' }),
      createLogger({ level: 'silent' }),
    );
    runWithLogContext({ job_id: 'job-early', queue: 'mail.send', workspace_id: 'w-early' }, () =>
      reporter.report(new Error('failed before the SDK loaded'), {
        kind: 'job',
        queue: 'mail.send',
        attempts: 6,
      }),
    );
    await reporter.flush!(5_000);
    expect(received).toHaveLength(before + 1);
    expect(received.at(-1)!.lines[2]).toMatchObject({
      tags: { kind: 'job', queue: 'mail.send', attempts: '6', job_id: 'job-early', workspace_id: 'w-early' },
      exception: { values: [{ value: 'failed before the SDK loaded' }] },
    });
  });
});
