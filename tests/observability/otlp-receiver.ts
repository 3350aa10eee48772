import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local OTLP/HTTP receiver standing in for the collector (outside our walls): it keeps every JSON
// payload posted to it, by path (/v1/traces, /v1/metrics), and answers 200.

export interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
export interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: OtlpAttribute[];
  status?: { code?: number; message?: string };
}

export interface OtlpReceiver {
  /** `http://127.0.0.1:port`, what OTEL_EXPORTER_OTLP_ENDPOINT would name. */
  url: string;
  /** Every JSON body received, by path, in order. */
  bodies: { path: string; body: unknown; headers: Record<string, string | string[] | undefined> }[];
  spans(): OtlpSpan[];
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const bodies: OtlpReceiver['bodies'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (String(req.headers['content-type']).startsWith('application/json')) {
        bodies.push({
          path: req.url ?? '',
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          headers: req.headers,
        });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    spans() {
      const spans: OtlpSpan[] = [];
      for (const { path, body } of bodies) {
        if (path !== '/v1/traces') continue;
        const { resourceSpans } = body as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const resource of resourceSpans)
          for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      return spans;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An attribute's value as a string or number; undefined when absent. */
export function attributeOf(attributes: OtlpAttribute[], key: string): string | number | boolean | undefined {
  const value = attributes.find((entry) => entry.key === key)?.value;
  if (!value) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  return value.boolValue;
}

export async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
