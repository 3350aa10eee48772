import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '@plinth/core/env';
import { addMember, createWorkspace, grantPlan, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';

// OpenTelemetry traces from two real nodes (API and worker) to a local OTLP/HTTP receiver standing
// in for the collector (outside our walls): one trace links the request's span, its SQL spans and
// the span of the job its outbox event became on the worker.
interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: OtlpValue }[];
}
const spans: OtlpSpan[] = [];
let receiver: Server;
let endpoint = '';

const receiverReady = new Promise<void>((resolve) => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces' && String(req.headers['content-type']).startsWith('application/json')) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        for (const resource of body.resourceSpans)
          for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  receiver.listen(0, '127.0.0.1', () => {
    endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/traces`;
    resolve();
  });
});

const testDb = useTestDatabase();
beforeAll(() => receiverReady);
const app = useIdentityApp(testDb, {
  get env() {
    return {
      tracing: {
        tracesEndpoint: endpoint,
        serviceName: 'plinth-test',
        sampler: 'always_on',
        samplerArg: undefined,
      },
    };
  },
});
let owner: Person;

beforeAll(async () => {
  owner = await signedInPerson(app, testDb, 'trace-owner');
});
afterAll(() => new Promise((resolve) => receiver.close(resolve)));

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('traces over OTLP/HTTP', () => {
  it('one trace links the HTTP span, its SQL spans and the span of the job its outbox event ran', async () => {
    const ws = await createWorkspace(testDb.app);
    await grantPlan(testDb.app, { workspace: ws, plan: 'team', seats: 10 });
    await addMember(testDb.app, { workspace: ws, user: { id: owner.id } as never, role: 'owner' });
    const invitee = `traced-${Date.now()}@example.test`;
    const response = await owner.client.post(`/api/v1/workspaces/${ws.slug}/invitations`, {
      email: invitee,
      role: 'viewer',
    });
    expect(response.status).toBe(201);
    const [, traceId, httpSpanId] =
      /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(response.headers.get('traceresponse') ?? '') ?? [];
    expect(traceId).toBeDefined();
    await app.mailTo(invitee);

    const http = await until(() => spans.find((span) => span.spanId === httpSpanId), 'the HTTP span');
    expect(http).toMatchObject({ traceId, name: 'POST /api/v1/workspaces/:slug/invitations', kind: 2 });
    expect(attribute(http, 'http.route')).toBe('/api/v1/workspaces/:slug/invitations');
    expect(attribute(http, 'http.response.status_code')).toBe(201);
    expect(attribute(http, 'plinth.workspace_id')).toBe(ws.id);
    expect(attribute(http, 'enduser.id')).toBe(owner.id);

    const job = await until(
      () => spans.find((span) => span.traceId === traceId && span.name === 'mail.send process'),
      'the job span in the request’s trace',
    );
    expect(job.parentSpanId).toBe(httpSpanId);
    expect(attribute(job, 'messaging.destination.name')).toBe('mail.send');
    expect(attribute(job, 'plinth.workspace_id')).toBe(ws.id);

    const sqlOf = (parent: string) =>
      spans.filter(
        (span) => span.parentSpanId === parent && attribute(span, 'db.system.name') === 'postgresql',
      );
    await until(() => (sqlOf(job.spanId).length > 0 ? true : undefined), 'SQL spans of the job');
    // The message the job sent: a span under the job's, naming the transport and template only.
    const mail = await until(
      () => spans.find((span) => span.parentSpanId === job.spanId && span.name === 'mail send'),
      'the mail span under the job',
    );
    expect(mail).toMatchObject({ traceId, kind: 3 });
    expect(attribute(mail, 'plinth.mail.transport')).toBe('capture');
    expect(attribute(mail, 'plinth.mail.template')).toBe('invitation');
    const requestSql = sqlOf(httpSpanId!);
    expect(requestSql.length).toBeGreaterThan(2);
    expect(requestSql.every((span) => span.traceId === traceId)).toBe(true);
    expect(requestSql.map((span) => attribute(span, 'db.query.text')).join('\n')).toMatch(
      /insert into "invitation"/i,
    );
    // Statements, never values: the invitee's address is a parameter, not in any span.
    expect(JSON.stringify(spans)).not.toContain(invitee);
  });

  it('reads only the standard OTEL_* variables, and is off without an endpoint', () => {
    expect(loadEnv({}).tracing).toBeUndefined();
    expect(loadEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/' }).tracing).toEqual({
      tracesEndpoint: 'http://127.0.0.1:4318/v1/traces',
      serviceName: 'plinth',
      sampler: 'parentbased_always_on',
      samplerArg: undefined,
    });
    expect(
      loadEnv({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/custom',
        OTEL_SERVICE_NAME: 'acme',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.1',
      }).tracing,
    ).toEqual({
      tracesEndpoint: 'http://127.0.0.1:4318/custom',
      serviceName: 'acme',
      sampler: 'parentbased_traceidratio',
      samplerArg: 0.1,
    });
    expect(
      loadEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' }).tracing,
    ).toBeUndefined();
  });
});
