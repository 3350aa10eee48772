import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, auditLog, user } from '@plinth/db';
import { loadEnv } from '@plinth/core/env';
import {
  startOidcServer,
  useTestDatabase,
  type HttpClient,
  type OidcServer,
  type OidcUser,
  type TestDatabase,
} from '@plinth/testing';
import { useIdentityApp } from './identity-app';

const testDb = useTestDatabase();
let idp: OidcServer;
beforeAll(async () => {
  idp = await startOidcServer();
});
afterAll(async () => {
  await idp?.stop();
});
// Hooks run in order (and after-hooks in reverse), so the IdP is up before the nodes start and
// outlives them.
const app = useIdentityApp(withOidc(testDb, () => idp));
const strongPassword = 'violet-harbor-71-quietly';

let counter = 0;
const newEmail = () => `sso${++counter}-${Date.now()}@example.test`;
const idpUser = (values: Partial<OidcUser> = {}): OidcUser => ({
  sub: `idp-subject-${++counter}-${Date.now()}`,
  email: newEmail(),
  email_verified: true,
  name: 'Sam Single-Sign-On',
  ...values,
});

/** The test database with OIDC_* pointed at the stand-in IdP, parsed as production parses it. */
function withOidc(database: TestDatabase, currentIdp: () => OidcServer): TestDatabase {
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== 'env') return Reflect.get(target, property, receiver) as unknown;
      const { discoveryUrl, clientId, clientSecret } = currentIdp();
      const { oidc } = loadEnv({
        OIDC_DISCOVERY_URL: discoveryUrl,
        OIDC_CLIENT_ID: clientId,
        OIDC_CLIENT_SECRET: clientSecret,
      }).auth;
      return { ...target.env, auth: { ...target.env.auth, oidc } };
    },
  });
}

/**
 * What a browser does for "Sign in with SSO": ask us for the authorization URL, let the IdP log
 * `person` in (it redirects straight back with a code), and follow that redirect to our callback.
 */
async function signInWithIdp(client: HttpClient, person: OidcUser) {
  const callbackUrl = await authorizeAtIdp(client, person);
  return client.get(callbackUrl);
}

async function authorizeAtIdp(client: HttpClient, person: OidcUser): Promise<string> {
  idp.setNextUser(person);
  const start = await client.post('/api/auth/sign-in/social', { provider: 'oidc', callbackURL: '/app' });
  expect(start.status).toBe(200);
  const authorizationUrl = new URL(start.data.url as string);
  expect(authorizationUrl.origin).toBe(idp.issuerUrl);
  expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorizationUrl.searchParams.get('nonce')).toBeTruthy();
  // The IdP is another site: the browser sends it none of our cookies.
  const authorized = await fetch(authorizationUrl, { redirect: 'manual' });
  expect(authorized.status).toBe(302);
  const callbackUrl = new URL(authorized.headers.get('location')!);
  expect(`${callbackUrl.origin}${callbackUrl.pathname}`).toBe(`${app.url}/api/auth/callback/oidc`);
  expect(callbackUrl.searchParams.get('code')).toBeTruthy();
  return callbackUrl.href;
}

function redirectTarget(response: { status: number; headers: Headers }): URL {
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!, app.url);
}

async function signUp(email: string) {
  const client = app.client();
  const response = await client.post('/api/auth/sign-up/email', {
    email,
    password: strongPassword,
    name: 'Local Person',
  });
  expect(response.status).toBe(200);
  return client;
}

/** Signs up with a password and follows the verification link. */
async function verifiedLocalPerson() {
  const email = newEmail();
  const client = await signUp(email);
  expect((await client.get(app.linkIn(await app.mailTo(email)))).status).toBe(302);
  return { email, id: (await usersWithEmail(email))[0]!.id };
}

async function usersWithEmail(email: string) {
  return testDb.owner.db.select().from(user).where(eq(user.email, email));
}

async function accountsOf(userId: string) {
  const rows = await testDb.owner.db
    .select({ providerId: account.providerId, accountId: account.accountId })
    .from(account)
    .where(eq(account.userId, userId));
  return rows.sort((a, b) => a.providerId.localeCompare(b.providerId));
}

describe('signing in through the OIDC provider', () => {
  it('a new person is created from the IdP identity, signed in, and the sign-in is audited as oauth', async () => {
    const person = idpUser();
    const client = app.client();
    const callback = await signInWithIdp(client, person);
    expect(redirectTarget(callback).href).toBe(`${app.url}/app`);
    expect(client.cookies.get('plinth.session_token')).toBeTruthy();

    const session = await client.get('/api/auth/get-session');
    expect(session.data).toMatchObject({
      user: { email: person.email, emailVerified: true, name: person.name },
    });

    const [created, ...others] = await usersWithEmail(person.email);
    expect(others).toHaveLength(0);
    expect(await accountsOf(created!.id)).toEqual([{ providerId: 'oidc', accountId: person.sub }]);
    const audits = await testDb.owner.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, created!.id), eq(auditLog.action, 'auth.sign_in')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.metadata).toEqual({ method: 'oauth' });
    expect(audits[0]!.targetType).toBe('session');
  });

  it('signing in again with the same IdP subject reaches the same person', async () => {
    const person = idpUser();
    await signInWithIdp(app.client(), person);
    const again = app.client();
    expect(redirectTarget(await signInWithIdp(again, person)).pathname).toBe('/app');
    const [only, ...others] = await usersWithEmail(person.email);
    expect(others).toHaveLength(0);
    expect((await again.get('/api/auth/get-session')).data).toMatchObject({ user: { id: only!.id } });
    expect(await accountsOf(only!.id)).toHaveLength(1);
  });
});

describe('linking an IdP identity to an existing local account', () => {
  it('links to a verified local account when the IdP has verified the same email, and signs that person in', async () => {
    const local = await verifiedLocalPerson();
    const person = idpUser({ email: local.email });
    const client = app.client();
    expect(redirectTarget(await signInWithIdp(client, person)).pathname).toBe('/app');

    expect((await client.get('/api/auth/get-session')).data).toMatchObject({
      user: { id: local.id, email: local.email, emailVerified: true },
    });
    expect(await usersWithEmail(local.email)).toHaveLength(1);
    expect(await accountsOf(local.id)).toEqual([
      { providerId: 'credential', accountId: local.id },
      { providerId: 'oidc', accountId: person.sub },
    ]);
  });

  it('refuses to link when the IdP has not verified the email: no oidc account, no session for the local person', async () => {
    const local = await verifiedLocalPerson();
    const attacker = app.client();
    const callback = await signInWithIdp(attacker, idpUser({ email: local.email, email_verified: false }));

    expect(redirectTarget(callback).searchParams.get('error')).toBe('account_not_linked');
    expect(attacker.cookies.has('plinth.session_token')).toBe(false);
    expect((await attacker.get('/api/auth/get-session')).data).toBeNull();
    expect(await usersWithEmail(local.email)).toHaveLength(1);
    expect(await accountsOf(local.id)).toEqual([{ providerId: 'credential', accountId: local.id }]);
  });

  it('does not hand a pre-registered, never-verified local account to the IdP identity', async () => {
    // Someone registers the victim's email with a password of their own and never verifies it;
    // the real owner then arrives through the IdP, which has verified the address.
    const email = newEmail();
    await signUp(email);
    const [preRegistered] = await usersWithEmail(email);
    const owner = app.client();
    const callback = await signInWithIdp(owner, idpUser({ email }));

    expect(redirectTarget(callback).searchParams.get('error')).toBe('account_not_linked');
    expect(owner.cookies.has('plinth.session_token')).toBe(false);
    expect(await accountsOf(preRegistered!.id)).toEqual([
      { providerId: 'credential', accountId: preRegistered!.id },
    ]);
    // Still unverified, so the squatter's password still cannot sign in.
    expect((await usersWithEmail(email))[0]!.emailVerified).toBe(false);
    const squatter = await app.client().post('/api/auth/sign-in/email', { email, password: strongPassword });
    expect(squatter.status).toBe(403);
  });
});

describe('the OAuth state binds the callback to the browser that started it', () => {
  it('a tampered state is refused without a session or a new user', async () => {
    const person = idpUser();
    const client = app.client();
    const callbackUrl = new URL(await authorizeAtIdp(client, person));
    callbackUrl.searchParams.set('state', `${callbackUrl.searchParams.get('state')}x`);

    const callback = await client.get(callbackUrl.href);
    expect(redirectTarget(callback).searchParams.get('error')).toBe('state_mismatch');
    expect(client.cookies.has('plinth.session_token')).toBe(false);
    expect(await usersWithEmail(person.email)).toHaveLength(0);
  });

  it('a callback arriving in a browser without the state cookie is refused (login CSRF)', async () => {
    const person = idpUser();
    const callbackUrl = await authorizeAtIdp(app.client(), person);

    const victim = app.client();
    const callback = await victim.get(callbackUrl);
    expect(redirectTarget(callback).searchParams.get('error')).toBe('state_mismatch');
    expect(victim.cookies.has('plinth.session_token')).toBe(false);
    expect(await usersWithEmail(person.email)).toHaveLength(0);
  });
});

describe('an IdP that has not verified the email', () => {
  // better-auth would create an unverified user holding the address, sign the IdP identity in, and
  // mail the real owner a verification link for that row (pre-account takeover); create-auth's
  // user.validateUserInfo refuses it.
  it('cannot create a user holding that address: refused, no session, the address stays free for its owner', async () => {
    const person = idpUser({ email_verified: false });
    const client = app.client();
    const callback = await signInWithIdp(client, person);

    expect(redirectTarget(callback).searchParams.get('error')).toBe('email_not_verified');
    expect(client.cookies.has('plinth.session_token')).toBe(false);
    expect(await usersWithEmail(person.email)).toHaveLength(0);
    await signUp(person.email);
    const [owner] = await usersWithEmail(person.email);
    expect(await accountsOf(owner!.id)).toEqual([{ providerId: 'credential', accountId: owner!.id }]);
  });
});

describe('names from an identity provider', () => {
  it('are cleaned (controls removed) and capped at 100 characters instead of failing the sign-in', async () => {
    const long = idpUser({ name: `Mallory\u0000 \u202eTable\u0007s ${'x'.repeat(5000)}` });
    const client = app.client();
    expect(redirectTarget(await signInWithIdp(client, long)).pathname).toBe('/app');
    const [created] = await usersWithEmail(long.email);
    expect(created!.name).toMatch(/^Mallory Tables x+$/);
    expect([...created!.name].length).toBe(100);

    const blank = idpUser({ name: '\u0000\u0001 ' });
    expect(redirectTarget(await signInWithIdp(app.client(), blank)).pathname).toBe('/app');
    const [unnamed] = await usersWithEmail(blank.email);
    expect(unnamed!.name).toBe(blank.email.split('@')[0]);
  });
});
