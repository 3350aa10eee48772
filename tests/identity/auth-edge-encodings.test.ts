import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, user } from '@plinth/db';
import { useTestDatabase } from '@plinth/testing';
import { signedInPerson, PASSWORD } from '../tenancy/people';
import { useIdentityApp } from './identity-app';

// The rules at /api/auth (lockout, password policy, rate limits per email) read the request body.
// better-auth itself parses JSON, and on sign-in and sign-up also form bodies; a rule that reads
// only one of them is skipped by the other. Every encoding must either be parsed exactly like JSON
// (and then counted and enforced) or refused before better-auth runs.

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);

type Fields = Record<string, string>;

interface Encoding {
  label: string;
  /** true: the edge reads it as JSON, so the rules apply; false: refused with 415. */
  accepted: boolean;
  encode(fields: Fields): { body: NonNullable<RequestInit['body']>; headers: Record<string, string> };
}

const json = (contentType: string) => (fields: Fields) => ({
  body: JSON.stringify(fields),
  headers: { 'content-type': contentType },
});
const form = (contentType: string) => (fields: Fields) => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': contentType },
});

const encodings: Encoding[] = [
  { label: 'application/json', accepted: true, encode: json('application/json') },
  {
    label: 'application/json; charset=utf-8',
    accepted: true,
    encode: json('application/json; charset=utf-8'),
  },
  { label: 'Application/JSON (upper case)', accepted: true, encode: json('Application/JSON') },
  {
    label: 'application/json;charset="UTF-8"',
    accepted: true,
    encode: json('application/json;charset="UTF-8"'),
  },
  {
    label: 'application/x-www-form-urlencoded',
    accepted: false,
    encode: form('application/x-www-form-urlencoded'),
  },
  {
    label: 'application/x-www-form-urlencoded; charset=UTF-8',
    accepted: false,
    encode: form('application/x-www-form-urlencoded; charset=UTF-8'),
  },
  {
    label: 'APPLICATION/X-WWW-FORM-URLENCODED (upper case)',
    accepted: false,
    encode: form('APPLICATION/X-WWW-FORM-URLENCODED'),
  },
  {
    label: 'multipart/form-data',
    accepted: false,
    encode: (fields) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.append(name, value);
      return { body: data, headers: {} }; // fetch writes the boundary into the header
    },
  },
  { label: 'text/plain holding JSON', accepted: false, encode: json('text/plain') },
  {
    label: 'text/plain;charset=UTF-8 holding JSON',
    accepted: false,
    encode: json('text/plain;charset=UTF-8'),
  },
  {
    label: 'no content type, JSON bytes',
    accepted: false,
    encode: (fields) => ({ body: new TextEncoder().encode(JSON.stringify(fields)), headers: {} }),
  },
  { label: 'application/vnd.api+json', accepted: false, encode: json('application/vnd.api+json') },
  { label: 'application/jsonp', accepted: false, encode: json('application/jsonp') },
  {
    label: 'application/json; charset=utf-16',
    accepted: false,
    encode: json('application/json; charset=utf-16'),
  },
];

function send(path: string, encoding: Encoding, fields: Fields, headers: Record<string, string> = {}) {
  const client = app.client();
  const encoded = encoding.encode(fields);
  return client
    .request(path, { method: 'POST', body: encoded.body, headers: { ...encoded.headers, ...headers } })
    .then((response) => ({ ...response, client }));
}

async function failedSignInsAudited(userId: string): Promise<number> {
  const rows = await testDb.owner.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, userId), eq(auditLog.action, 'auth.sign_in_failed')));
  return rows.length;
}

describe('the auth edge reads every body encoding the same way, or refuses it', () => {
  it('a wrong password in any encoding is counted towards the lockout, or never reaches better-auth', async () => {
    const person = await signedInPerson(app, testDb, 'encodings-count');
    for (const encoding of encodings) {
      const response = await send('/api/auth/sign-in/email', encoding, {
        email: person.email,
        password: 'not-the-password-123',
      });
      if (encoding.accepted) {
        expect(response.status, encoding.label).toBe(401);
      } else {
        expect(response.status, encoding.label).toBe(415);
        expect(response.data, encoding.label).toMatchObject({
          error: { code: 'unsupported_media_type', request_id: expect.any(String) },
        });
      }
    }
    const accepted = encodings.filter((encoding) => encoding.accepted).length;
    // Only the accepted encodings reached better-auth (one failed sign-in audited each)…
    expect(await failedSignInsAudited(person.id)).toBe(accepted);
    // …and each of them counted: the failures that remain before the lock are exactly 10 − accepted.
    for (let attempt = accepted; attempt < 10; attempt++) {
      const wrong = await app
        .client()
        .post('/api/auth/sign-in/email', { email: person.email, password: `wrong-password-${attempt}` });
      expect(wrong.status).toBe(401);
    }
    const locked = await app
      .client()
      .post('/api/auth/sign-in/email', { email: person.email, password: PASSWORD });
    expect(locked.status).toBe(429);
  });

  it('a locked account cannot sign in with the right password in any encoding', async () => {
    const person = await signedInPerson(app, testDb, 'encodings-locked');
    for (let attempt = 0; attempt < 10; attempt++) {
      await app
        .client()
        .post('/api/auth/sign-in/email', { email: person.email, password: `wrong-${attempt}-password` });
    }
    for (const encoding of encodings) {
      const response = await send('/api/auth/sign-in/email', encoding, {
        email: person.email,
        password: PASSWORD,
      });
      expect(response.status, encoding.label).toBe(encoding.accepted ? 429 : 415);
      expect(response.client.cookies.size, encoding.label).toBe(0);
    }
    // No spelling of the path reaches better-auth's sign-in without passing the lockout.
    for (const path of [
      '/api/auth/sign-in/email/',
      '/api/auth//sign-in/email',
      '/api/auth/sign-in//email',
      '/api/auth/sign-in/%65mail',
      '/api/auth/SIGN-IN/email',
      '/api/auth/x/../sign-in/email',
      '/api/auth/sign-in/./email',
      '/api/auth/%2e%2e/auth/sign-in/email',
      '/api/auth/sign-in/email?x=1',
      '/api/auth/sign-in/email;x=1',
      '/api/auth/sign-in/email%00',
    ]) {
      const response = await app.client().post(path, { email: person.email, password: PASSWORD });
      expect([404, 429, 400], path).toContain(response.status);
    }
    // An upper-case email is the same account.
    const shouted = await app
      .client()
      .post('/api/auth/sign-in/email', { email: person.email.toUpperCase(), password: PASSWORD });
    expect(shouted.status).toBe(429);
  });

  it('the password policy holds at sign-up in every encoding, and nothing is created', async () => {
    for (const encoding of encodings) {
      const email = `weak-${encodings.indexOf(encoding)}-${Date.now()}@example.test`;
      const response = await send('/api/auth/sign-up/email', encoding, {
        email,
        password: 'password1234',
        name: 'Weak Password',
      });
      if (encoding.accepted) {
        expect(response.status, encoding.label).toBe(400);
        expect(response.data, encoding.label).toMatchObject({
          code: 'PASSWORD_REJECTED',
          error: { code: 'invalid_input', fields: { password: expect.stringMatching(/too common/) } },
        });
      } else {
        expect(response.status, encoding.label).toBe(415);
      }
      const rows = await testDb.owner.db.select({ id: user.id }).from(user).where(eq(user.email, email));
      expect(rows, encoding.label).toHaveLength(0);
    }
  });

  it('accepted variants of JSON work like plain JSON', async () => {
    const person = await signedInPerson(app, testDb, 'encodings-variant');
    const variant = encodings.find((encoding) => encoding.label.startsWith('Application/JSON'))!;
    const response = await send('/api/auth/sign-in/email', variant, {
      email: person.email,
      password: PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(response.client.cookies.has('plinth.session_token')).toBe(true);
  });

  it('a body that is not a JSON object is a 400 envelope, not a better-auth error or a 500', async () => {
    for (const body of ['{"email":', '[1,2]', '"text"', 'null', '12', '{"a":' + '['.repeat(5000)]) {
      const response = await app.client().request('/api/auth/sign-in/email', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status, body.slice(0, 20)).toBe(400);
      expect(response.data, body.slice(0, 20)).toMatchObject({ error: { code: 'invalid_input' } });
    }
  });
});

describe('the body limit on /api/auth', () => {
  const big = (bytes: number) => JSON.stringify({ email: 'big@example.test', password: 'x'.repeat(bytes) });

  it('refuses a body over 64 KB by its Content-Length with a 413 envelope', async () => {
    const response = await app.client().request('/api/auth/sign-in/email', {
      method: 'POST',
      body: big(70 * 1024),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.data).toMatchObject({
      error: { code: 'payload_too_large', request_id: expect.any(String) },
    });
  });

  it('refuses a streamed body (no Content-Length) once it passes 64 KB', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(8 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":"big@example.test","password":"'));
      },
      pull(controller) {
        if (sent >= 12) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const response = await app.client().request('/api/auth/sign-up/email', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.data).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('lets a body under the limit through to the rules', async () => {
    const response = await app.client().request('/api/auth/sign-in/email', {
      method: 'POST',
      body: big(60 * 1024),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).not.toBe(413);
    expect(response.status).toBeLessThan(500);
  });
});
