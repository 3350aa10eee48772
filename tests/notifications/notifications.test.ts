import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, capturedMail, notification } from '@plinth/db';
import {
  createUnsubscribeToken,
  notificationCursorOf,
  sendNotificationDigests,
} from '@plinth/core/notifications';
import { encodeId } from '@plinth/core/public-ids';
import { addMember, createWorkspace, grantPlan, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';

// Notifications end to end on two real nodes (an API node and a worker delivering mail through the
// outbox and the job queue into the capture transport): a change notifies in the app and by mail,
// preferences decide the mail, and the one-click unsubscribe in the mail works without a session.

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);

async function team() {
  const owner = await signedInPerson(app, testDb, 'owner');
  const person = await signedInPerson(app, testDb, 'member');
  const ws = await createWorkspace(testDb.app);
  await grantPlan(testDb.app, { workspace: ws, plan: 'team', seats: 20 });
  await addMember(testDb.app, { workspace: ws, user: { id: owner.id } as never, role: 'owner' });
  await addMember(testDb.app, { workspace: ws, user: { id: person.id } as never, role: 'member' });
  return { owner, person, ws };
}

async function changeRole(owner: Person, slug: string, userId: string, role: string) {
  const response = await owner.client.request(
    `/api/v1/workspaces/${slug}/members/${encodeId('user', userId)}`,
    { method: 'PATCH', json: { role } },
  );
  expect(response.status).toBe(200);
}

/** Until the outbox has relayed everything and the mail queue is empty: "no mail" is then a fact. */
async function allMailOut() {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { rows } = await testDb.owner.pool.query<{ n: number }>(
      `select count(*)::int as n from outbox where published_at is null and topic = 'mail.send'`,
    );
    if (rows[0]!.n === 0) break;
    if (Date.now() > deadline) throw new Error('the outbox did not relay within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await app.mailSettled();
}

/** Waits for the notification mails to `to` (tag `notification`), at least `count`. */
async function notificationMails(to: string, count = 1) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rows = await testDb.owner.db
      .select()
      .from(capturedMail)
      .where(and(eq(capturedMail.to, to), eq(capturedMail.tag, 'notification')));
    if (rows.length >= count) return rows;
    if (Date.now() > deadline) throw new Error(`no notification mail to ${to} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const mailsTo = (to: string) => testDb.owner.db.select().from(capturedMail).where(eq(capturedMail.to, to));

describe('notify on a role change', () => {
  it('lands in the inbox, and as mail with the one-click unsubscribe headers and footer link', async () => {
    const { owner, person, ws } = await team();
    await changeRole(owner, ws.slug, person.id, 'admin');

    const inbox = await person.client.get('/api/v1/me/notifications');
    expect(inbox.status).toBe(200);
    expect(inbox.data.unread_count).toBe(1);
    const [item] = inbox.data.items as Record<string, unknown>[];
    expect(item).toMatchObject({
      type: 'workspace.role_changed',
      category: 'workspace',
      workspace_id: encodeId('ws', ws.id),
      link: `/w/${ws.slug}`,
      read_at: null,
    });
    expect(item!.title).toContain('admin');
    // The owner who made the change is not told about it.
    expect((await owner.client.get('/api/v1/me/notifications')).data.unread_count).toBe(0);

    const [stored] = await notificationMails(person.email);
    expect(stored!.subject).toContain('role');
    const headers = stored!.headers!;
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const url = /^<(.+)>$/.exec(headers['List-Unsubscribe']!)![1]!;
    expect(url).toMatch(new RegExp(`^${app.url}/api/notifications/unsubscribe\\?token=`));
    // The footer links to the confirmation page with the same token (a GET there changes nothing).
    const page = url.replace('/api/notifications/unsubscribe', '/unsubscribe');
    expect(stored!.text).toContain(page);
    expect(stored!.html).toContain(page.replaceAll('&', '&amp;'));

    // Read one, then all; someone else's id is a 404, never a change to it.
    const read = await person.client.request(`/api/v1/me/notifications/${String(item!.id)}/read`, {
      method: 'POST',
    });
    expect(read.status).toBe(200);
    expect(read.data.read_at).toEqual(expect.any(String));
    expect(
      (await owner.client.request(`/api/v1/me/notifications/${String(item!.id)}/read`, { method: 'POST' }))
        .status,
    ).toBe(404);
    await changeRole(owner, ws.slug, person.id, 'viewer');
    expect((await person.client.get('/api/v1/me/notifications?unread=true')).data.items).toHaveLength(1);
    const all = await person.client.request('/api/v1/me/notifications/read-all', { method: 'POST' });
    expect(all.data).toEqual({ updated: 1 });
    expect((await person.client.get('/api/v1/me/notifications')).data.unread_count).toBe(0);
  });

  it('a person who turned the category’s mail off gets the in-app notification and no mail', async () => {
    const { owner, person, ws } = await team();
    const patch = await person.client.request('/api/v1/me/notification-preferences', {
      method: 'PATCH',
      json: { changes: [{ category: 'workspace', channel: 'email', mode: 'off' }] },
    });
    expect(patch.status).toBe(200);
    const workspaceCategory = (patch.data.categories as Record<string, unknown>[]).find(
      (entry) => entry.category === 'workspace',
    );
    expect(workspaceCategory!.channels).toMatchObject({ email: { mode: 'off', locked: false } });

    await changeRole(owner, ws.slug, person.id, 'admin');
    await allMailOut();
    expect((await person.client.get('/api/v1/me/notifications')).data.unread_count).toBe(1);
    expect(await mailsTo(person.email)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ tag: 'notification' })]),
    );
  });

  it('a workspace override beats the account-wide choice, for that workspace only', async () => {
    const { owner, person, ws } = await team();
    const response = await person.client.request('/api/v1/me/notification-preferences', {
      method: 'PATCH',
      json: {
        changes: [
          { category: 'workspace', channel: 'in_app', mode: 'off' },
          { category: 'workspace', channel: 'in_app', mode: 'on', workspace_id: encodeId('ws', ws.id) },
        ],
      },
    });
    expect(response.status).toBe(200);
    await changeRole(owner, ws.slug, person.id, 'viewer');
    expect((await person.client.get('/api/v1/me/notifications')).data.unread_count).toBe(1);
  });

  it('security and billing mail cannot be turned off, and bad changes are 400s naming the field', async () => {
    const { person } = await team();
    const cases: [unknown, string][] = [
      [{ changes: [{ category: 'security', channel: 'email', mode: 'off' }] }, 'changes.0.channel'],
      [{ changes: [{ category: 'billing', channel: 'email', mode: 'off' }] }, 'changes.0.channel'],
      [{ changes: [{ category: 'workspace', channel: 'in_app', mode: 'digest' }] }, 'changes.0.mode'],
      [{ changes: [{ category: 'nope', channel: 'email', mode: 'off' }] }, 'changes.0.category'],
      [
        { changes: [{ category: 'workspace', channel: 'email', mode: 'off', workspace_id: 'ws_nope' }] },
        'changes.0.workspace_id',
      ],
      [{ changes: [] }, 'changes'],
    ];
    for (const [body, field] of cases) {
      const response = await person.client.request('/api/v1/me/notification-preferences', {
        method: 'PATCH',
        json: body,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((response.data.error as { fields: object }).fields), JSON.stringify(body)).toContain(
        field,
      );
    }
    // An override for a workspace the person is not in is refused too, and nothing was written.
    const elsewhere = await createWorkspace(testDb.app);
    const response = await person.client.request('/api/v1/me/notification-preferences', {
      method: 'PATCH',
      json: {
        changes: [
          { category: 'workspace', channel: 'in_app', mode: 'off' },
          {
            category: 'workspace',
            channel: 'email',
            mode: 'off',
            workspace_id: encodeId('ws', elsewhere.id),
          },
        ],
      },
    });
    expect(response.status).toBe(400);
    expect(response.data.error).toMatchObject({ fields: { 'changes.1.workspace_id': expect.any(String) } });
    const after = await person.client.get('/api/v1/me/notification-preferences');
    expect(JSON.stringify(after.data)).not.toContain('"off"');
  });
});

describe('the daily digest', () => {
  it('replaces each mail of a category with one summary, sent once', async () => {
    const { owner, person, ws } = await team();
    const patch = await person.client.request('/api/v1/me/notification-preferences', {
      method: 'PATCH',
      json: { changes: [{ category: 'workspace', channel: 'email', mode: 'digest' }] },
    });
    expect(patch.status).toBe(200);
    await changeRole(owner, ws.slug, person.id, 'admin');
    await changeRole(owner, ws.slug, person.id, 'viewer');
    await allMailOut();
    expect((await mailsTo(person.email)).filter((mail) => mail.tag !== 'verify-email')).toEqual([]);
    expect((await person.client.get('/api/v1/me/notifications')).data.unread_count).toBe(2);

    const deps = { database: testDb.app, appUrl: app.url };
    // Other people's pending digests are handled in the same run; this person's make one mail.
    expect(await sendNotificationDigests(deps)).toBeGreaterThanOrEqual(1);
    await allMailOut();
    const digests = (await mailsTo(person.email)).filter((mail) => mail.tag === 'notification-digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain('is now admin');
    expect(digests[0]!.text).toContain('is now viewer');
    expect(digests[0]!.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(await sendNotificationDigests(deps)).toBe(0);
  });
});

describe('the daily digest, past people who are gone', () => {
  it('goes on after a full batch that made no mail (its recipients were deleted)', async () => {
    const gone = await team();
    const staying = await team();
    for (const { owner, person, ws } of [gone, staying]) {
      const patch = await person.client.request('/api/v1/me/notification-preferences', {
        method: 'PATCH',
        json: { changes: [{ category: 'workspace', channel: 'email', mode: 'digest' }] },
      });
      expect(patch.status).toBe(200);
      await changeRole(owner, ws.slug, person.id, 'admin');
      await changeRole(owner, ws.slug, person.id, 'viewer');
    }
    await testDb.owner.pool.query('update "user" set deleted_at = now() where id = $1', [gone.person.id]);
    // Batches of two: the first is the deleted person's two (the older id), and makes no mail.
    expect(
      await sendNotificationDigests({ database: testDb.app, appUrl: app.url }, 2),
    ).toBeGreaterThanOrEqual(1);
    await allMailOut();
    const digests = (await mailsTo(staying.person.email)).filter(
      (mail) => mail.tag === 'notification-digest',
    );
    expect(digests).toHaveLength(1);
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  async function mailedUnsubscribeUrl() {
    const { owner, person, ws } = await team();
    await changeRole(owner, ws.slug, person.id, 'admin');
    const [stored] = await notificationMails(person.email);
    const url = /^<(.+)>$/.exec(stored!.headers!['List-Unsubscribe']!)![1]!;
    return { owner, person, ws, url };
  }

  const oneClick = (url: string, body = 'List-Unsubscribe=One-Click') =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });

  it('works without a session, turns off only that category’s mail for that workspace, and is audited', async () => {
    const { owner, person, ws, url } = await mailedUnsubscribeUrl();
    const response = await oneClick(url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unsubscribed: true, category: 'workspace' });

    const preferences = await person.client.get('/api/v1/me/notification-preferences');
    const workspaceCategory = (preferences.data.categories as Record<string, unknown>[]).find(
      (entry) => entry.category === 'workspace',
    );
    expect(workspaceCategory).toMatchObject({
      channels: { email: { mode: 'on' } },
      overrides: [{ workspace_id: encodeId('ws', ws.id), channel: 'email', mode: 'off' }],
    });
    const audited = await testDb.owner.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, person.id), eq(auditLog.action, 'notification.unsubscribed')));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.metadata).toMatchObject({ workspace_id: ws.id, via: 'one-click' });

    // The next change in that workspace is in the app, not in the mailbox.
    const before = (await mailsTo(person.email)).length;
    await changeRole(owner, ws.slug, person.id, 'viewer');
    await allMailOut();
    expect(await mailsTo(person.email)).toHaveLength(before);
    expect((await person.client.get('/api/v1/me/notifications')).data.unread_count).toBe(2);
    // Repeating the click is harmless, and changes nothing more to audit.
    expect((await oneClick(url)).status).toBe(200);
    expect((await oneClick(url)).status).toBe(200);
    expect(
      await testDb.owner.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, person.id), eq(auditLog.action, 'notification.unsubscribed'))),
    ).toHaveLength(1);
  });

  it('answers at most 30 a minute from one address, then 429 with the envelope, writing nothing more', async () => {
    const { person, url } = await mailedUnsubscribeUrl();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await oneClick(url)).status);
    expect(statuses).toEqual(statuses.map(() => 200));
    const limited = await oneClick(url);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(
      await testDb.owner.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, person.id), eq(auditLog.action, 'notification.unsubscribed'))),
    ).toHaveLength(1);
  });

  it('a browser posting the page’s form with a bad link is sent back to the page, not shown JSON', async () => {
    const { person, url } = await mailedUnsubscribeUrl();
    const expired = createUnsubscribeToken(
      testDb.env.auth.secret,
      { userId: person.id, category: 'workspace', workspaceId: null },
      new Date(Date.now() - 61 * 86_400_000),
    );
    const formPost = (target: string) =>
      fetch(target, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
        },
        body: 'List-Unsubscribe=One-Click',
      });
    const failed = await formPost(
      `${app.url}/api/notifications/unsubscribe?token=${encodeURIComponent(expired)}`,
    );
    expect(failed.status).toBe(303);
    expect(failed.headers.get('location')).toBe(`${app.url}/unsubscribe?error=invalid`);
    // The one-click POST of a mail client (no HTML asked for) keeps the JSON envelope.
    expect(
      (await oneClick(`${app.url}/api/notifications/unsubscribe?token=${encodeURIComponent(expired)}`))
        .status,
    ).toBe(400);
    // And a good one from the form lands on the page's "done".
    const done = await formPost(url);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${app.url}/unsubscribe?done=workspace`);
  });

  it('refuses tampered, expired, foreign and missing tokens with a 400 naming token, changing nothing', async () => {
    const { person, url } = await mailedUnsubscribeUrl();
    const token = new URL(url).searchParams.get('token')!;
    const [body, signature] = token.split('.');
    const flipped = `${body}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    const forged = Buffer.from(
      JSON.stringify({ u: person.id, c: 'security', w: null, e: 9_999_999_999 }),
    ).toString('base64url');
    const expired = createUnsubscribeToken(
      testDb.env.auth.secret,
      { userId: person.id, category: 'workspace', workspaceId: null },
      new Date(Date.now() - 61 * 86_400_000),
    );
    const otherSecret = createUnsubscribeToken('another-secret-entirely-xxxxxxxxxxxx', {
      userId: person.id,
      category: 'workspace',
      workspaceId: null,
    });
    const base = `${app.url}/api/notifications/unsubscribe`;
    for (const bad of [
      flipped,
      `${forged}.${signature}`,
      expired,
      otherSecret,
      '',
      'a.b.c',
      'x'.repeat(2000),
    ]) {
      const response = await oneClick(`${base}?token=${encodeURIComponent(bad)}`);
      expect(response.status, bad.slice(0, 40)).toBe(400);
      expect(((await response.json()) as { error: { fields: object } }).error.fields).toHaveProperty('token');
    }
    expect((await oneClick(base)).status).toBe(400);
    // The RFC's body is required, as a form.
    expect((await oneClick(url, 'something=else')).status).toBe(400);
    expect(
      (await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }))
        .status,
    ).toBe(415);
    // A GET (a link scanner) changes nothing.
    expect((await fetch(url)).status).toBe(404);
    const rows = await testDb.owner.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, person.id), eq(auditLog.action, 'notification.unsubscribed')));
    expect(rows).toHaveLength(0);
  });
});

describe('the inbox belongs to its recipient', () => {
  it('a cursor from a URL is checked as the list checks it (the page’s own regex let 500s through)', () => {
    expect(notificationCursorOf('aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa')).toBeUndefined();
    expect(notificationCursorOf(['0190aaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa'])).toBeUndefined();
    expect(notificationCursorOf('0190aaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa')).toBe(
      '0190aaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa',
    );
  });

  it('API keys cannot read a person’s inbox, and bad cursors are 400s', async () => {
    const { person } = await team();
    expect((await app.client().get('/api/v1/me/notifications')).status).toBe(401);
    const bad = await person.client.get('/api/v1/me/notifications?cursor=proj_nope');
    expect(bad.status).toBe(400);
    expect(bad.data.error).toMatchObject({ fields: { cursor: expect.any(String) } });
    expect((await person.client.get('/api/v1/me/notifications?limit=101')).status).toBe(400);
    expect((await person.client.get('/api/v1/me/notifications?unread=yes')).status).toBe(400);
  });

  it('rows are inserted for the recipient only; nobody else reads them, even without a filter', async () => {
    const { owner, person, ws } = await team();
    await changeRole(owner, ws.slug, person.id, 'admin');
    const count = async (actorType: string, actorId: string) => {
      const client = await testDb.app.pool.connect();
      try {
        await client.query('begin');
        await client.query(
          `select set_config('app.actor_type', $1, true), set_config('app.actor_id', $2, true)`,
          [actorType, actorId],
        );
        const { rows } = await client.query<{ n: number }>('select count(*)::int as n from notification');
        await client.query('rollback');
        return rows[0]!.n;
      } finally {
        client.release();
      }
    };
    expect(await count('user', person.id)).toBe(1);
    expect(await count('user', owner.id)).toBe(0);
    // An API key or system actor whose id happens to be the person's sees nothing either.
    expect(await count('api_key', person.id)).toBe(0);
    expect(await count('system', person.id)).toBe(0);
    const { rows } = await testDb.app.pool.query<{ n: number }>(
      'select count(*)::int as n from notification',
    );
    expect(rows[0]!.n).toBe(0);
    expect(
      await testDb.owner.db.select().from(notification).where(eq(notification.recipientId, person.id)),
    ).toHaveLength(1);
  });

  it('only notify() inserts, and only for the people it names: a stray insert is refused', async () => {
    const { owner, person, ws } = await team();
    const insertAs = async (recipients: string | null) => {
      const client = await testDb.app.pool.connect();
      try {
        await client.query('begin');
        await client.query(
          `select set_config('app.actor_type', 'user', true), set_config('app.actor_id', $1, true),
                  set_config('app.workspace_id', $2, true), set_config('app.notify_recipients', $3, true)`,
          [owner.id, ws.id, recipients ?? ''],
        );
        await client.query(
          `insert into notification (id, recipient_id, workspace_id, type, category)
           values (gen_random_uuid(), $1, $2, 'workspace.removed', 'workspace')`,
          [person.id, ws.id],
        );
        await client.query('rollback');
        return 'inserted';
      } catch (error) {
        await client.query('rollback');
        return (error as Error).message;
      } finally {
        client.release();
      }
    };
    expect(await insertAs(null)).toMatch(/row-level security/);
    expect(await insertAs(owner.id)).toMatch(/row-level security/);
    expect(await insertAs(person.id)).toBe('inserted');
  });
});
