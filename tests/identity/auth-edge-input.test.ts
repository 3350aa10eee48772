import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { user } from '@plinth/db';
import { authSurface } from '@plinth/core/identity';
import { rowChecksum, type HttpClient } from '@plinth/testing';
import { makeStaff, useTestDatabase } from '@plinth/testing';
import { signedInPerson, type Person } from '../tenancy/people';
import { useIdentityApp } from './identity-app';

// Bad input on every /api/auth route we wrap: control characters in any body field, query
// parameter or path parameter, form bodies, and redirect targets that leave the site. Every
// answer is a 4xx envelope naming the field, never a 5xx, and nothing is written.

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);

let person: Person;
let staff: Person;

beforeAll(async () => {
  person = await signedInPerson(app, testDb, 'sweep-person');
  staff = await signedInPerson(app, testDb, 'sweep-staff');
  await makeStaff(testDb, staff.id);
});

type Who = 'anonymous' | 'person' | 'staff';

interface RouteCase {
  method: 'GET' | 'POST';
  /** The path under /api/auth; `:name` marks a path parameter. */
  path: string;
  who: Who;
  /** A plausible body (POST) or query (GET): the backdrop for one bad field. */
  fields: Record<string, string>;
  params?: Record<string, string>;
}

const PASSWORD_FIELDS = new Set(['password', 'newPassword', 'currentPassword']);
/** Typed into a textarea: line breaks and tabs are fine there, other controls are not. */
const MULTI_LINE_FIELDS = new Set(['banReason']);

/** Every route of the product's auth surface (identity/auth-surface.ts), with plausible input. */
const routes: RouteCase[] = [
  {
    method: 'POST',
    path: '/sign-in/email',
    who: 'anonymous',
    fields: { email: 'a@example.test', password: 'p', callbackURL: '/app' },
  },
  {
    method: 'POST',
    path: '/sign-up/email',
    who: 'anonymous',
    fields: {
      name: 'Sweep',
      email: 'b@example.test',
      password: 'violet-harbor-71-quietly',
      callbackURL: '/verify-email',
    },
  },
  {
    method: 'POST',
    path: '/request-password-reset',
    who: 'anonymous',
    fields: { email: 'c@example.test', redirectTo: '/reset-password' },
  },
  {
    method: 'POST',
    path: '/send-verification-email',
    who: 'anonymous',
    fields: { email: 'd@example.test', callbackURL: '/verify-email' },
  },
  {
    method: 'POST',
    path: '/sign-in/magic-link',
    who: 'anonymous',
    fields: {
      email: 'e@example.test',
      callbackURL: '/app',
      errorCallbackURL: '/sign-in',
      newUserCallbackURL: '/app',
    },
  },
  {
    method: 'POST',
    path: '/reset-password',
    who: 'anonymous',
    fields: { token: 'not-a-token', newPassword: 'amber-lantern-93-softly' },
  },
  {
    method: 'POST',
    path: '/sign-in/social',
    who: 'anonymous',
    fields: {
      provider: 'github',
      callbackURL: '/app',
      errorCallbackURL: '/sign-in',
      newUserCallbackURL: '/app',
    },
  },
  { method: 'POST', path: '/two-factor/verify-totp', who: 'anonymous', fields: { code: '123456' } },
  {
    method: 'POST',
    path: '/two-factor/verify-backup-code',
    who: 'anonymous',
    fields: { code: 'abcde-fghij' },
  },
  { method: 'POST', path: '/sign-out', who: 'person', fields: {} },
  { method: 'POST', path: '/update-user', who: 'person', fields: { name: 'New Name' } },
  {
    method: 'POST',
    path: '/change-email',
    who: 'person',
    fields: { newEmail: 'f@example.test', callbackURL: '/account', currentPassword: 'wrong-password-1' },
  },
  {
    method: 'POST',
    path: '/change-password',
    who: 'person',
    fields: { currentPassword: 'wrong-password-1', newPassword: 'amber-lantern-93-softly' },
  },
  { method: 'POST', path: '/two-factor/enable', who: 'person', fields: { password: 'wrong-password-1' } },
  { method: 'POST', path: '/two-factor/disable', who: 'person', fields: { password: 'wrong-password-1' } },
  {
    method: 'POST',
    path: '/two-factor/generate-backup-codes',
    who: 'person',
    fields: { password: 'wrong-password-1' },
  },
  { method: 'POST', path: '/revoke-session', who: 'person', fields: { token: 'not-a-session' } },
  { method: 'POST', path: '/revoke-other-sessions', who: 'person', fields: {} },
  {
    method: 'POST',
    path: '/admin/ban-user',
    who: 'staff',
    fields: { userId: 'not-a-user', banReason: 'spam' },
  },
  { method: 'POST', path: '/admin/unban-user', who: 'staff', fields: { userId: 'not-a-user' } },
  { method: 'POST', path: '/admin/impersonate-user', who: 'staff', fields: { userId: 'not-a-user' } },
  { method: 'POST', path: '/admin/stop-impersonating', who: 'staff', fields: {} },
  { method: 'GET', path: '/get-session', who: 'person', fields: { disableCookieCache: 'true' } },
  { method: 'GET', path: '/list-sessions', who: 'person', fields: { x: 'y' } },
  { method: 'GET', path: '/list-accounts', who: 'person', fields: { x: 'y' } },
  {
    method: 'GET',
    path: '/verify-email',
    who: 'anonymous',
    fields: { token: 'not-a-token', callbackURL: '/verify-email' },
  },
  {
    method: 'GET',
    path: '/reset-password/:token',
    who: 'anonymous',
    fields: { callbackURL: '/reset-password' },
    params: { token: 'tok123' },
  },
  {
    method: 'GET',
    path: '/magic-link/verify',
    who: 'anonymous',
    fields: {
      token: 'not-a-token',
      callbackURL: '/app',
      errorCallbackURL: '/sign-in',
      newUserCallbackURL: '/app',
    },
  },
  {
    method: 'GET',
    path: '/callback/:id',
    who: 'anonymous',
    fields: { code: 'c', state: 's' },
    params: { id: 'github' },
  },
  { method: 'GET', path: '/admin/list-users', who: 'staff', fields: { searchValue: 'acme', limit: '5' } },
  { method: 'GET', path: '/error', who: 'anonymous', fields: { error: 'state_mismatch' } },
  { method: 'GET', path: '/ok', who: 'anonymous', fields: { x: 'y' } },
];

function clientFor(who: Who): HttpClient {
  if (who === 'person') return person.client;
  if (who === 'staff') return staff.client;
  return app.client();
}

function urlOf(route: RouteCase, query: Record<string, string>, params = route.params ?? {}): string {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = route.method === 'GET' ? new URLSearchParams(query).toString() : '';
  return `/api/auth${path}${search ? `?${search}` : ''}`;
}

function send(route: RouteCase, fields: Record<string, string>, params?: Record<string, string>) {
  const client = clientFor(route.who);
  if (route.method === 'GET') return client.get(urlOf(route, fields, params));
  return client.request(urlOf(route, {}, params), { method: 'POST', json: fields });
}

const controlCharacters: [string, string][] = [
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['ESC', '\u001b'],
  ['a newline', '\n'],
  ['DEL', '\u007f'],
  ['a C1 control', '\u0085'],
  ['a right-to-left override', '\u202e'],
];

function expectRefusal(response: { status: number; data: unknown }, field: string, label: string) {
  expect(response.status, label).toBe(400);
  expect(response.data, label).toMatchObject({
    error: { code: 'invalid_input', fields: { [field]: expect.any(String) }, request_id: expect.any(String) },
  });
}

describe('control characters on every auth route we wrap', () => {
  it('are refused in every body field and query parameter with a 400 naming it, and nothing is written', async () => {
    const before = await rowChecksum(testDb.owner);
    for (const route of routes) {
      for (const field of Object.keys(route.fields)) {
        if (PASSWORD_FIELDS.has(field)) continue; // never stored or shown: any character may be in one
        for (const [what, character] of controlCharacters) {
          if (MULTI_LINE_FIELDS.has(field) && /^[\t\n\r]$/.test(character)) continue;
          const label = `${route.method} ${route.path} ${field} with ${what}`;
          const response = await send(route, { ...route.fields, [field]: `a${character}b` });
          expectRefusal(response, field, label);
        }
      }
    }
    expect(await rowChecksum(testDb.owner)).toEqual(before);
  });

  it('are refused in path parameters and in the names of fields', async () => {
    const before = await rowChecksum(testDb.owner);
    for (const route of routes.filter((entry) => entry.params)) {
      for (const name of Object.keys(route.params!)) {
        for (const [what, character] of controlCharacters) {
          const response = await send(route, route.fields, { ...route.params, [name]: `a${character}b` });
          expectRefusal(response, name, `${route.path} :${name} with ${what}`);
        }
      }
    }
    const bodyKey = await app
      .client()
      .post('/api/auth/sign-in/email', { email: 'a@example.test', password: 'p', 'x\u0000y': 1 });
    expect(bodyKey.status).toBe(400);
    const queryKey = await app.client().get('/api/auth/verify-email?token=t&x%00y=1');
    expect(queryKey.status).toBe(400);
    // A broken percent-encoding is bad input too, not a 500.
    const broken = await app.client().get('/api/auth/verify-email?token=%E0%A4%A');
    expect(broken.status).toBeLessThan(500);
    const brokenPath = await app.client().get('/api/auth/reset-password/%E0%A4%A');
    expect(brokenPath.status).toBeLessThan(500);
    expect(await rowChecksum(testDb.owner)).toEqual(before);
  });

  it('a user name is one line of at most 100 characters, at sign-up and on update', async () => {
    const before = await rowChecksum(testDb.owner);
    const signUp = await app.client().post('/api/auth/sign-up/email', {
      name: 'x'.repeat(101),
      email: 'long-name@example.test',
      password: 'violet-harbor-71-quietly',
    });
    expectRefusal(signUp, 'name', 'sign-up with a 101-character name');
    const empty = await app.client().post('/api/auth/sign-up/email', {
      name: '   ',
      email: 'blank-name@example.test',
      password: 'violet-harbor-71-quietly',
    });
    expectRefusal(empty, 'name', 'sign-up with a blank name');
    expectRefusal(
      await person.client.post('/api/auth/update-user', { name: 'y'.repeat(2_000_000 / 40) }),
      'name',
      'update',
    );
    expectRefusal(
      await person.client.post('/api/auth/update-user', { name: ['not', 'a', 'string'] }),
      'name',
      'update',
    );
    expect(await rowChecksum(testDb.owner)).toEqual(before);
    const ok = await person.client.post('/api/auth/update-user', { name: '  Zoë 東京  ' });
    expect(ok.status).toBe(200);
    const [row] = await testDb.owner.db.select({ name: user.name }).from(user).where(eq(user.id, person.id));
    expect(row!.name).toBe('Zoë 東京');
  });
});

describe('form bodies on every auth route we wrap', () => {
  it('are refused with 415 before better-auth reads them, and nothing is written', async () => {
    const before = await rowChecksum(testDb.owner);
    for (const route of routes.filter((entry) => entry.method === 'POST')) {
      const client = clientFor(route.who);
      const urlencoded = await client.request(urlOf(route, {}), {
        method: 'POST',
        body: new URLSearchParams({ ...route.fields, x: '1' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(urlencoded.status, `${route.path} urlencoded`).toBe(415);
      const multipart = new FormData();
      for (const [name, value] of Object.entries({ ...route.fields, x: '1' })) multipart.append(name, value);
      const formData = await client.request(urlOf(route, {}), { method: 'POST', body: multipart });
      expect(formData.status, `${route.path} multipart`).toBe(415);
      expect(formData.data, route.path).toMatchObject({ error: { code: 'unsupported_media_type' } });
    }
    expect(await rowChecksum(testDb.owner)).toEqual(before);
  });
});

describe('redirect targets at the auth edge', () => {
  const leaving = [
    '//evil.example',
    '/\\evil.example',
    '/..//evil.example',
    '/.//evil.example',
    '/x/..//evil.example',
    '/%2e%2e//evil.example',
    '/.%2e//evil.example',
    '/%2f%2fevil.example',
    '/%5cevil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\uff0fevil.example',
    'https://evil.example/app',
    'http:evil.example',
    'javascript:alert(1)',
    'data:text/html,hi',
  ];
  const redirectRoutes = routes.filter((route) =>
    Object.keys(route.fields).some((field) =>
      /^(callbackURL|errorCallbackURL|newUserCallbackURL|redirectTo)$/.test(field),
    ),
  );

  it('refuses every target the shared check would not keep, in the body and in the query', async () => {
    const before = await rowChecksum(testDb.owner);
    for (const route of redirectRoutes) {
      for (const field of Object.keys(route.fields).filter((name) => /callbackurl|redirectto/i.test(name))) {
        for (const target of leaving) {
          const response = await send(route, { ...route.fields, [field]: target });
          expectRefusal(response, field, `${route.method} ${route.path} ${field}=${JSON.stringify(target)}`);
          expect(response.headers.get('location')).toBeNull();
        }
      }
    }
    // Sent twice, better-auth would read the last one: every value is checked.
    const twice = await app
      .client()
      .get('/api/auth/verify-email?token=t&callbackURL=/app&callbackURL=//evil.example');
    expectRefusal(twice, 'callbackURL', 'a repeated callbackURL');
    expect(await rowChecksum(testDb.owner)).toEqual(before);
  });

  it("better-auth's verify-email error path can no longer answer Location: //host", async () => {
    for (const target of ['/..//evil.example', '/%2e%2e//evil.example', '/x/../..//evil.example']) {
      const response = await app
        .client()
        .get(`/api/auth/verify-email?token=not-a-token&callbackURL=${encodeURIComponent(target)}`);
      const location = response.headers.get('location') ?? '';
      expect(location.startsWith('//'), `${target} → ${location}`).toBe(false);
      expect(response.status, target).toBe(400);
    }
  });

  it('keeps a path on the site, so the flows still work', async () => {
    const response = await app
      .client()
      .get(
        `/api/auth/verify-email?token=not-a-token&callbackURL=${encodeURIComponent('/verify-email?next=%2Fw%2Facme')}`,
      );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/verify-email?next=%2Fw%2Facme&error=INVALID_TOKEN');
  });
});

describe('the auth surface', () => {
  it('the sweeps above cover every endpoint of the surface', () => {
    const swept = routes.map((route) => `${route.method} ${route.path}`).sort();
    expect(swept).toEqual(authSurface.map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort());
  });

  it('answers 404 for a better-auth endpoint the product does not use', async () => {
    for (const [method, path] of [
      ['POST', '/update-session'],
      ['POST', '/verify-password'],
      ['POST', '/get-access-token'],
      ['POST', '/refresh-token'],
      ['GET', '/account-info'],
      ['POST', '/link-social'],
      ['POST', '/unlink-account'],
      ['POST', '/delete-user'],
      ['POST', '/revoke-sessions'],
      ['POST', '/two-factor/get-totp-uri'],
      ['POST', '/two-factor/send-otp'],
      ['POST', '/two-factor/verify-otp'],
    ] as const) {
      const response = await person.client.request(`/api/auth${path}`, {
        method,
        ...(method === 'POST' ? { json: {} } : {}),
      });
      expect(response.status, path).toBe(404);
      expect(response.data, path).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});
