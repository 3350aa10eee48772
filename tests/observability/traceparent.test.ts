import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '@plinth/api';
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
