import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser, createWorkspace, grantPlan, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';
import { capturedLogger, lineWhere } from './log-lines';

// Two real nodes (API and worker) writing real pino JSON: the lines of a request, and of the job
// its outbox event became on the other node, carry the request's trace, workspace and actor.
const testDb = useTestDatabase();
const { logger, lines } = capturedLogger();
const app = useIdentityApp(testDb, { logger });
let owner: Person;

beforeAll(async () => {
  owner = await signedInPerson(app, testDb, 'log-owner');
});

describe('log context across a request and the job it causes', () => {
  it('the job a request caused logs the workspace, actor and trace of that request', async () => {
    const ws = await createWorkspace(testDb.app);
    await grantPlan(testDb.app, { workspace: ws, plan: 'team', seats: 10 });
    await addMember(testDb.app, { workspace: ws, user: { id: owner.id } as never, role: 'owner' });
    const invitee = `invitee-${Date.now()}@example.test`;

    const response = await owner.client.request(`/api/v1/workspaces/${ws.slug}/invitations`, {
      json: { email: invitee, role: 'viewer' },
      headers: { 'x-request-id': 'req-log-context-1' },
    });
    expect(response.status, JSON.stringify(response.data)).toBe(201);
    const traceresponse = response.headers.get('traceresponse') ?? '';
    const [, traceId, spanId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(traceresponse) ?? [];
    expect(traceId).toBeDefined();

    // The request's own line: route template, and who and where, learnt by the chain.
    const requestLine = await lineWhere(
      lines,
      (line) => line.msg === 'request' && line.request_id === 'req-log-context-1',
    );
    expect(requestLine).toMatchObject({
      route: '/api/v1/workspaces/:slug/invitations',
      status: 201,
      trace_id: traceId,
      span_id: spanId,
      workspace_id: ws.id,
      user_id: owner.id,
    });

    // The worker node sent the mail; its line names the request that caused it.
    await app.mailTo(invitee);
    const jobLine = await lineWhere(
      lines,
      (line) => line.msg === 'mail sent' && line.template === 'invitation' && line.trace_id === traceId,
    );
    expect(jobLine).toMatchObject({
      queue: 'mail.send',
      workspace_id: ws.id,
      user_id: owner.id,
      request_id: 'req-log-context-1',
      job_id: expect.any(String),
    });
    expect(jobLine.span_id).not.toBe(spanId); // the job is its own span in the request's trace
  });

  it('a request of another person carries its own trace and no one else’s workspace', async () => {
    const stranger = await createUser(testDb.app);
    expect(stranger.id).not.toBe(owner.id);
    const response = await owner.client.request('/api/v1/me', {
      headers: { 'x-request-id': 'req-log-context-2' },
    });
    expect(response.status).toBe(200);
    const line = await lineWhere(
      lines,
      (entry) => entry.msg === 'request' && entry.request_id === 'req-log-context-2',
    );
    expect(line.user_id).toBe(owner.id);
    expect(line.workspace_id).toBeUndefined();
    expect(line.trace_id).toBe(/^00-([0-9a-f]{32})-/.exec(response.headers.get('traceresponse') ?? '')?.[1]);
  });
});
