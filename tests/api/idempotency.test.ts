import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';
import { call, setPlan, workspaceWithKeys } from './rate-limit-app';
import { addMember, createWorkspace } from '@plinth/testing';

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);

let counter = 0;
const newKey = () => `test-key-${++counter}-${Date.now()}`;
const projects = (slug: string) => `/api/v1/workspaces/${slug}/projects`;

async function projectCount(workspaceId: string, name: string): Promise<number> {
  const { rows } = await testDb.owner.pool.query<{ n: number }>(
    'select count(*)::int as n from project where workspace_id = $1 and name = $2',
    [workspaceId, name],
  );
  return rows[0]!.n;
}

/** A workspace on the team plan whose owner is `person`. */
async function workspaceOf(person: Person) {
  const workspace = await createWorkspace(testDb.app);
  await addMember(testDb.app, { workspace, user: { id: person.id } as never, role: 'owner' });
  await setPlan(testDb, workspace.id, 'team');
  return workspace;
}

let ann: Person;
let bob: Person;
beforeAll(async () => {
  ann = await signedInPerson(app, testDb, 'ann');
  bob = await signedInPerson(app, testDb, 'bob');
});

describe('Idempotency-Key on POST', () => {
  it('the same request again returns the stored response, marked as replayed, and creates one project', async () => {
    const { slug, workspaceId, secrets } = await workspaceWithKeys(testDb, 'team');
    const key = newKey();
    const send = (body: unknown) =>
      call(app.url, projects(slug), {
        key: secrets[0],
        ip: '127.0.0.1',
        method: 'POST',
        body,
        headers: { 'idempotency-key': key },
      });
    const first = await send({ name: 'Alpha', description: 'one' });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same JSON with its keys in another order is the same request.
    const second = await send({ description: 'one', name: 'Alpha' });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.text).toBe(first.text);
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await projectCount(workspaceId, 'Alpha')).toBe(1);
  });

  it('the same key with a different body or path is refused with idempotency_key_reused', async () => {
    const { slug, workspaceId, secrets } = await workspaceWithKeys(testDb, 'team');
    const key = newKey();
    const post = (body: unknown) =>
      call(app.url, projects(slug), {
        key: secrets[0],
        ip: '127.0.0.1',
        method: 'POST',
        body,
        headers: { 'idempotency-key': key },
      });
    expect((await post({ name: 'Beta' })).status).toBe(201);
    const changed = await post({ name: 'Beta 2' });
    expect(changed.status).toBe(422);
    expect(changed.data).toMatchObject({
      error: { code: 'idempotency_key_reused', fields: { 'Idempotency-Key': expect.any(String) } },
    });
    expect(await projectCount(workspaceId, 'Beta 2')).toBe(0);
    // The same body to another path (another of the sender's workspaces) is another request too.
    const first = await workspaceOf(ann);
    const second = await workspaceOf(ann);
    const sessionKey = newKey();
    const headers = { 'idempotency-key': sessionKey };
    expect((await ann.client.post(projects(first.slug), { name: 'Beta' }, headers)).status).toBe(201);
    const moved = await ann.client.post(projects(second.slug), { name: 'Beta' }, headers);
    expect(moved.status).toBe(422);
    expect(moved.data).toMatchObject({ error: { code: 'idempotency_key_reused' } });
    expect(await projectCount(second.id, 'Beta')).toBe(0);
  });

  it('a malformed key is a 400 naming the header, and nothing is created', async () => {
    const { slug, workspaceId, secrets } = await workspaceWithKeys(testDb, 'team');
    for (const bad of ['x'.repeat(256), 'tab\there']) {
      const answer = await call(app.url, projects(slug), {
        key: secrets[0],
        ip: '127.0.0.1',
        method: 'POST',
        body: { name: 'Gamma' },
        headers: { 'idempotency-key': bad },
      });
      expect(answer.status).toBe(400);
      expect(answer.data).toMatchObject({
        error: { code: 'invalid_input', fields: { 'Idempotency-Key': expect.any(String) } },
      });
    }
    expect(await projectCount(workspaceId, 'Gamma')).toBe(0);
  });

  it('concurrent duplicates create exactly one project; the others wait their turn or replay it', async () => {
    const { slug, workspaceId, secrets } = await workspaceWithKeys(testDb, 'team');
    const key = newKey();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(app.url, projects(slug), {
          key: secrets[0],
          ip: '127.0.0.1',
          method: 'POST',
          body: { name: 'Delta' },
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    const created = answers.filter((answer) => answer.status === 201);
    const original = created.filter((answer) => !answer.headers.get('idempotent-replayed'));
    expect(original).toHaveLength(1);
    for (const answer of answers) {
      if (answer.status === 201) expect(answer.text).toBe(original[0]!.text);
      else {
        expect(answer.status).toBe(409);
        expect(answer.data).toMatchObject({ error: { code: 'conflict' } });
        expect(answer.headers.get('retry-after')).toBe('1');
      }
    }
    expect(await projectCount(workspaceId, 'Delta')).toBe(1);
  });

  it('a 5xx is not stored: the retry runs again and succeeds', async () => {
    const { slug, workspaceId, secrets } = await workspaceWithKeys(testDb, 'team');
    const key = newKey();
    const send = () =>
      call(app.url, projects(slug), {
        key: secrets[0],
        ip: '127.0.0.1',
        method: 'POST',
        body: { name: 'Epsilon' },
        headers: { 'idempotency-key': key },
      });
    // The database fails this one insert, as an outage would.
    await testDb.owner.pool.query(`
      create function refuse_epsilon() returns trigger language plpgsql as $$
      begin if new.name = 'Epsilon' then raise exception 'simulated outage'; end if; return new; end $$;
      create trigger refuse_epsilon before insert on project for each row execute function refuse_epsilon();`);
    try {
      const failed = await send();
      expect(failed.status).toBe(500);
    } finally {
      await testDb.owner.pool.query(
        'drop trigger refuse_epsilon on project; drop function refuse_epsilon();',
      );
    }
    const retried = await send();
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await projectCount(workspaceId, 'Epsilon')).toBe(1);
  });

  it('a deterministic 4xx is stored and replayed (the plan limit), so a retry cannot slip past it', async () => {
    const { slug, workspaceId, secrets } = await workspaceWithKeys(testDb, 'free');
    for (let n = 0; n < 3; n++) {
      const made = await call(app.url, projects(slug), {
        key: secrets[0],
        ip: '127.0.0.1',
        method: 'POST',
        body: { name: `Filler ${n}` },
      });
      expect(made.status).toBe(201);
    }
    const key = newKey();
    const send = () =>
      call(app.url, projects(slug), {
        key: secrets[0],
        ip: '127.0.0.1',
        method: 'POST',
        body: { name: 'Zeta' },
        headers: { 'idempotency-key': key },
      });
    const refused = await send();
    expect(refused.status).toBe(402);
    const again = await send();
    expect(again.status).toBe(402);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(refused.text);
    expect(await projectCount(workspaceId, 'Zeta')).toBe(0);
  });

  it('two senders using the same key string do not collide', async () => {
    const key = newKey();
    const annWorkspace = await workspaceOf(ann);
    const bobWorkspace = await workspaceOf(bob);
    const fromKey = await workspaceWithKeys(testDb, 'team');
    const annAnswer = await ann.client.post(
      projects(annWorkspace.slug),
      { name: 'Eta' },
      { 'idempotency-key': key },
    );
    const bobAnswer = await bob.client.post(
      projects(bobWorkspace.slug),
      { name: 'Eta' },
      { 'idempotency-key': key },
    );
    const keyAnswer = await call(app.url, projects(fromKey.slug), {
      key: fromKey.secrets[0],
      ip: '127.0.0.1',
      method: 'POST',
      body: { name: 'Eta' },
      headers: { 'idempotency-key': key },
    });
    for (const answer of [annAnswer, bobAnswer, keyAnswer]) {
      expect(answer.status).toBe(201);
      expect(answer.headers.get('idempotent-replayed')).toBeNull();
    }
    expect(await projectCount(annWorkspace.id, 'Eta')).toBe(1);
    expect(await projectCount(bobWorkspace.id, 'Eta')).toBe(1);
    expect(await projectCount(fromKey.workspaceId, 'Eta')).toBe(1);
    // A session's repeat replays its own response, not another sender's.
    const annAgain = await ann.client.post(
      projects(annWorkspace.slug),
      { name: 'Eta' },
      { 'idempotency-key': key },
    );
    expect(annAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(annAgain.data).toEqual(annAnswer.data);
  });

  it('without the header a POST runs every time', async () => {
    const { slug, workspaceId, secrets } = await workspaceWithKeys(testDb, 'team');
    for (let n = 0; n < 2; n++) {
      const answer = await call(app.url, projects(slug), {
        key: secrets[0],
        ip: '127.0.0.1',
        method: 'POST',
        body: { name: 'Theta' },
      });
      expect(answer.status).toBe(201);
    }
    expect(await projectCount(workspaceId, 'Theta')).toBe(2);
  });
});
