import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '@plinth/api';
import { currentLogContext } from '@plinth/core/logger';
import type { ErrorDetails, ErrorReporter } from '@plinth/core/telemetry';
import { useTestDatabase } from '@plinth/testing';
import { createRequestListener } from '../../apps/server/src/request-listener';
import { capturedLogger, lineWhere } from './log-lines';

// W3C trace context at the edge: a caller may continue its trace only through a trusted proxy;
// every answer names its own trace in `traceresponse`.
const testDb = useTestDatabase();
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(trustedProxies: string[]) {
  const { logger, lines } = capturedLogger();
  const env = { ...testDb.env, trustedProxies };
  const api = createApi({ env, database: testDb.app, logger, version: 'test' });
  const server = createServer(createRequestListener({ api, production: false, devServer: false }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
}

const incoming = `00-${'4bf92f3577b34da6a3ce929d0e0e4736'}-${'00f067aa0ba902b7'}-01`;

describe('traceparent and traceresponse', () => {
  it('continues the trace a trusted proxy sends, as a new span of it', async () => {
    const { url, lines } = await serve(['127.0.0.1']);
    const response = await fetch(`${url}/api/no-such-route`, {
      headers: { traceparent: incoming, 'x-request-id': 'tp-1' },
    });
    const echoed = response.headers.get('traceresponse') ?? '';
    expect(echoed).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(echoed).not.toContain('00f067aa0ba902b7');
    const line = await lineWhere(lines, (entry) => entry.request_id === 'tp-1');
    expect(line.trace_id).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('ignores a traceparent from a peer that is not a trusted proxy', async () => {
    const { url, lines } = await serve(['10.0.0.1']);
    const response = await fetch(`${url}/api/no-such-route`, {
      headers: { traceparent: incoming, 'x-request-id': 'tp-2' },
    });
    const echoed = response.headers.get('traceresponse') ?? '';
    expect(echoed).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(echoed).not.toContain('4bf92f3577b34da6a3ce929d0e0e4736');
    const line = await lineWhere(lines, (entry) => entry.request_id === 'tp-2');
    expect(line.trace_id).toBe(echoed.slice(3, 35));
  });
});

describe('5xx answers and the ErrorReporter', () => {
  it('every 5xx reaches the reporter once with its route and request context; a 4xx does not', async () => {
    const reports: { error: unknown; details: ErrorDetails; context: unknown }[] = [];
    const errorReporter: ErrorReporter = {
      report: (error, details) => reports.push({ error, details, context: { ...currentLogContext() } }),
    };
    const { logger } = capturedLogger();
    const api = createApi({ env: testDb.env, database: testDb.app, logger, version: 'test', errorReporter });
    api.get('/test-boom/:id', () => {
      throw new Error('boom in a handler');
    });
    const server = createServer(createRequestListener({ api, production: false, devServer: false }));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const failed = await fetch(`${url}/api/test-boom/7`, { headers: { 'x-request-id': 'boom-1' } });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ error: { code: 'internal', request_id: 'boom-1' } });
    expect((await fetch(`${url}/api/no-such-route`)).status).toBe(404);

    expect(reports).toHaveLength(1);
    expect((reports[0]!.error as Error).message).toBe('boom in a handler');
    expect(reports[0]!.details).toEqual({
      kind: 'request',
      method: 'GET',
      route: '/api/test-boom/:id',
      status: 500,
    });
    expect(reports[0]!.context).toMatchObject({
      request_id: 'boom-1',
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });
});
