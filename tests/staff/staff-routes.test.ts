// First: Next's request scope must be possible before any module of the app loads Next.
import { asServerActions } from '../next-request';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSessionReader, authSurface } from '@plinth/core/identity';
import { JobQueue } from '@plinth/core/jobs';
import { createLogger } from '@plinth/core/logger';
import { createFlagStore, flagCatalog } from '@plinth/core/flags';
import { provideServerContext } from '@plinth/core/server-context';
import { auditLog, session, staffElevation, user } from '@plinth/db';
import { createUser, makeStaff, STAFF_TOTP_SECRET, totpCode, useTestDatabase } from '@plinth/testing';
import { billingAdminRoutes, staffAdminRoutes, staffWorkspaceRoutes } from '@plinth/api';
import { queues } from '../../apps/server/src/wiring';
import * as accessModule from '../../apps/web/app/(signed-in)/admin/access/actions';
import * as impersonationModule from '../../apps/web/app/(signed-in)/admin/impersonation/actions';
import * as systemModule from '../../apps/web/app/(signed-in)/admin/system/actions';
import * as userModule from '../../apps/web/app/(signed-in)/admin/users/actions';
import * as projectModule from '../../apps/web/app/(signed-in)/w/[slug]/projects/actions';
import { useIdentityApp } from '../identity/identity-app';
import { PASSWORD, signedInPerson, type Person } from '../tenancy/people';

// The staff console's safety rules, end to end (docs/decisions/0031-staff-guard-and-read-only-impersonation.md):
// every staff route — the /api/admin routes, better-auth's admin endpoints, and the server actions
// under apps/web/app/(signed-in)/admin — is enumerated here and must have an audit case (a test that
// performs it as staff and finds its audit row with the staff member as actor), or this file fails.

// Each action call runs in Next's own request scope (tests/next-request.ts), with the headers `actAs`
// set: the real next/headers, next/cache and next/navigation.
const request = { headers: new Headers() };
const asBrowser = <M extends object>(module: M) => asServerActions(module, () => request.headers);
const accessActions = asBrowser(accessModule);
const impersonationActions = asBrowser(impersonationModule);
const systemActions = asBrowser(systemModule);
const userActions = asBrowser(userModule);
const projectActions = asBrowser(projectModule);

const testDb = useTestDatabase();
const app = useIdentityApp(testDb);
let jobs: JobQueue;

beforeAll(async () => {
  const logger = createLogger({ level: 'silent' });
  jobs = new JobQueue({
    connectionString: testDb.appUrl,
    schema: testDb.env.jobsSchema,
    logger,
    queues,
    runsWorkers: false,
  });
  await jobs.start();
  provideServerContext({
    env: { ...testDb.env, appUrl: app.url },
    logger,
    database: testDb.app,
    jobs,
    flags: createFlagStore({ database: testDb.app, definitions: flagCatalog, environment: 'test' }),
    readSession: createSessionReader({
      database: testDb.app,
      secret: testDb.env.auth.secret,
      production: false,
    }),
  });
});
afterAll(() => jobs?.stop());
beforeEach(() => {
  request.headers = new Headers();
});

/** The next server action runs as `person`'s browser, from one of our pages. */
function actAs(person: Person | null) {
  const headers = new Headers({ 'user-agent': 'plinth-tests/1.0', origin: new URL(app.url).origin });
  if (person) headers.set('cookie', [...person.client.cookies].map(([n, v]) => `${n}=${v}`).join('; '));
  request.headers = headers;
}

async function staffMember(options: { twoFactor?: boolean } = {}): Promise<Person> {
  const staff = await signedInPerson(app, testDb, 'staff');
  await makeStaff(testDb, staff.id, options);
  return staff;
}

async function auditedAs(action: string, actorId: string): Promise<number> {
  const rows = await testDb.owner.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorId, actorId)));
  return rows.length;
}

/**
 * A TOTP code not used yet in this process (each code works once): the current step's, else the
 * next step's, which the server also accepts (one step either side) — rather than waiting up to
 * 30 s of wall clock for the next step.
 */
const usedCodes = new Set<string>();
function freshCode(): string {
  const now = Date.now();
  const code = [totpCode(STAFF_TOTP_SECRET, now), totpCode(STAFF_TOTP_SECRET, now + 30_000)].find(
    (candidate) => !usedCodes.has(candidate),
  );
  if (!code) throw new Error('both TOTP codes a re-authentication accepts now were used already');
  usedCodes.add(code);
  return code;
}

// ---------------------------------------------------------------------------------------------
// The enumeration.

/** Every staff route, by where it is served. */
function staffApiRoutes(): string[] {
  const deps = { database: testDb.app, jobs, env: testDb.env };
  const flags = createFlagStore({ database: testDb.app, definitions: flagCatalog, environment: 'test' });
  const routes = [
    ...billingAdminRoutes(deps).routes,
    ...staffAdminRoutes(deps).routes,
    ...staffWorkspaceRoutes({ ...deps, flags }).routes,
  ];
  return [
    ...new Set(
      routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} /api${route.path}`),
    ),
  ];
}

function staffAuthEndpoints(): string[] {
  return authSurface
    .filter((endpoint) => endpoint.path.startsWith('/admin/'))
    .map((endpoint) => `${endpoint.method} /api/auth${endpoint.path}`);
}

const appDir = fileURLToPath(new URL('../../apps/web/app/', import.meta.url));
async function staffServerActions(): Promise<string[]> {
  const files = readdirSync(path.join(appDir, '(signed-in)/admin'), { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file === 'actions.ts' || file.endsWith('/actions.ts'));
  const names: string[] = [];
  for (const file of files) {
    const module = (await import(path.join(appDir, '(signed-in)/admin', file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'function') names.push(`admin/${file}#${name}`);
    }
  }
  return names;
}

/** Reads, which change nothing and have no audit row of their own (with why). */
const reads: Record<string, string> = {
  'GET /api/admin/billing/events': 'lists the webhook inbox; changes nothing',
  'GET /api/admin/workspaces': 'searches workspaces; changes nothing',
  'GET /api/admin/workspaces/:id': 'reads one workspace; changes nothing',
  'GET /api/admin/numbers': 'reads the numbers dashboard; changes nothing',
  'GET /api/admin/flags': 'lists flag overrides; changes nothing',
};

/**
 * The audit case of each staff route: the audit action its success writes, with the staff member
 * as actor. Routes served by better-auth are exercised in tests/identity/auth-edge-staff.test.ts
 * (their rows come from the surface's `staffAudit`); the others are exercised below.
 */
const auditCases: Record<string, string> = {
  // Exercised in tests/billing/webhook-endpoint.test.ts (the app there has Stripe configured).
  'POST /api/admin/billing/events/:id/replay': 'admin.billing_event_replayed',
  'POST /api/admin/users/:id/verify-email': 'admin.email_force_verified',
  'POST /api/admin/users/:id/verification-email': 'admin.verification_email_sent',
  'POST /api/admin/users/:id/revoke-sessions': 'admin.sessions_revoked',
  'POST /api/admin/reauthenticate': 'admin.reauthenticated',
  'POST /api/admin/impersonation/elevate': 'admin.impersonation_elevated',
  ...Object.fromEntries(
    authSurface
      .filter((endpoint) => endpoint.path.startsWith('/admin/'))
      .map((endpoint) => [`${endpoint.method} /api/auth${endpoint.path}`, endpoint.rules.staffAudit ?? '']),
  ),
  // The workspace side of the console: exercised over HTTP in tests/staff-console/staff-http.test.ts
  // and as server actions in tests/staff-console/staff-actions.test.ts (rows under the staff member).
  'POST /api/admin/workspaces/:id/suspend': 'workspace.suspended',
  'POST /api/admin/workspaces/:id/unsuspend': 'workspace.unsuspended',
  'PUT /api/admin/workspaces/:id/plan-override': 'workspace.plan_override_set',
  'DELETE /api/admin/workspaces/:id/plan-override': 'workspace.plan_override_cleared',
  'PUT /api/admin/flags/overrides': 'flag.override_set',
  'DELETE /api/admin/flags/overrides': 'flag.override_cleared',
  'admin/workspaces/actions.ts#suspendWorkspaceAction': 'workspace.suspended',
  'admin/workspaces/actions.ts#unsuspendWorkspaceAction': 'workspace.unsuspended',
  'admin/workspaces/actions.ts#setPlanOverrideAction': 'workspace.plan_override_set',
  'admin/workspaces/actions.ts#clearPlanOverrideAction': 'workspace.plan_override_cleared',
  'admin/workspaces/actions.ts#setFlagOverrideAction': 'flag.override_set',
  'admin/workspaces/actions.ts#clearFlagOverrideAction': 'flag.override_cleared',
  'admin/system/actions.ts#replayJobAction': 'admin.job_replayed',
  'admin/users/actions.ts#forceVerifyEmailAction': 'admin.email_force_verified',
  'admin/users/actions.ts#resendVerificationAction': 'admin.verification_email_sent',
  'admin/users/actions.ts#revokeSessionsAction': 'admin.sessions_revoked',
  'admin/access/actions.ts#reauthenticateAction': 'admin.reauthenticated',
  'admin/impersonation/actions.ts#elevateImpersonationAction': 'admin.impersonation_elevated',
};

describe('every staff route has an audit case', () => {
  it('the tables cover exactly the staff API routes, admin auth endpoints and admin server actions', async () => {
    const found = [...staffApiRoutes(), ...staffAuthEndpoints(), ...(await staffServerActions())].sort();
    expect(found.length).toBeGreaterThanOrEqual(17);
    const covered = [...Object.keys(auditCases), ...Object.keys(reads)].sort();
    expect(found).toEqual(covered);
    for (const [route, action] of Object.entries(auditCases)) {
      expect(action, `${route} names its audit action`).toMatch(/^[a-z_]+\.[a-z_]+$/u);
    }
  });

  it('every better-auth admin endpoint but stop-impersonating is behind the staff guard', () => {
    for (const endpoint of authSurface.filter((entry) => entry.path.startsWith('/admin/'))) {
      expect(Boolean(endpoint.rules.staffOnly), endpoint.path).toBe(
        endpoint.path !== '/admin/stop-impersonating',
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The cases: each staff action performed as staff (API and server action), with its audit row.

describe('staff actions on a person, through the API and the server actions', () => {
  it('force-verify, resend verification and revoke sessions each write their audit row', async () => {
    // The people first, side by side: each sign-up mostly waits for its verification mail.
    const [staff, target, victim] = await Promise.all([
      staffMember(),
      createUser(testDb.owner, { emailVerified: false }),
      signedInPerson(app, testDb, 'victim'),
    ]);
    const api = (suffix: string) => staff.client.post(`/api/admin/users/${target.id}/${suffix}`, {});

    const resent = await api('verification-email');
    expect(resent.status, JSON.stringify(resent.data)).toBe(202);
    expect(await auditedAs('admin.verification_email_sent', staff.id)).toBe(1);
    const mail = await app.mailTo(target.email);
    expect(app.linkIn(mail)).toContain('/api/auth/verify-email?token=');

    actAs(staff);
    expect(await userActions.resendVerificationAction(target.id)).toMatchObject({ ok: true });
    expect(await auditedAs('admin.verification_email_sent', staff.id)).toBe(2);

    expect((await api('verify-email')).data).toEqual({ changed: true });
    expect(await auditedAs('admin.email_force_verified', staff.id)).toBe(1);
    actAs(staff);
    expect(await userActions.forceVerifyEmailAction(target.id)).toEqual({
      ok: true,
      data: { changed: false },
    });
    expect(await auditedAs('admin.email_force_verified', staff.id)).toBe(2);
    // Verified now: resending is a conflict, and writes no row.
    expect((await api('verification-email')).status).toBe(409);
    expect(await auditedAs('admin.verification_email_sent', staff.id)).toBe(2);

    expect((await victim.client.get('/api/auth/get-session')).data).not.toBeNull();
    actAs(staff);
    expect(await userActions.revokeSessionsAction(victim.id)).toEqual({ ok: true, data: { revoked: 1 } });
    expect((await victim.client.get('/api/auth/get-session')).data).toBeNull();
    expect((await staff.client.post(`/api/admin/users/${victim.id}/revoke-sessions`, {})).data).toEqual({
      revoked: 0,
    });
    expect(await auditedAs('admin.sessions_revoked', staff.id)).toBe(2);

    // Bad ids are 404, never a database error.
    expect((await staff.client.post('/api/admin/users/not-a-uuid/verify-email', {})).status).toBe(404);
  });
});

describe('the staff guard on the API and the server actions', () => {
  it('non-staff get 404; staff without 2FA get staff_2fa_required; nothing is written', async () => {
    const [person, target, noTotp] = await Promise.all([
      signedInPerson(app, testDb, 'person'),
      createUser(testDb.owner, { emailVerified: false }),
      staffMember({ twoFactor: false }),
    ]);
    const notStaff = await person.client.post(`/api/admin/users/${target.id}/verify-email`, {});
    expect(notStaff.status).toBe(404);
    actAs(person);
    expect(await userActions.forceVerifyEmailAction(target.id)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const refused = await noTotp.client.post(`/api/admin/users/${target.id}/verify-email`, {});
    expect(refused.status).toBe(403);
    expect(refused.data).toMatchObject({ error: { code: 'staff_2fa_required' } });
    expect((await noTotp.client.get('/api/auth/admin/list-users')).data).toMatchObject({
      error: { code: 'staff_2fa_required' },
    });
    actAs(noTotp);
    expect(
      await systemActions.replayJobAction('mail.send', '00000000-0000-0000-0000-000000000000'),
    ).toMatchObject({
      ok: false,
      error: { code: 'staff_2fa_required' },
    });
    const [row] = await testDb.owner.db.select().from(user).where(eq(user.id, target.id));
    expect(row!.emailVerified).toBe(false);
  });

  it('a stale sign-in gets staff_reauth_required until password + code re-authenticate the session', async () => {
    const staff = await staffMember();
    await testDb.owner.db
      .update(session)
      .set({ createdAt: new Date(Date.now() - 13 * 60 * 60 * 1000) })
      .where(eq(session.userId, staff.id));
    const target = await createUser(testDb.owner, { emailVerified: false });
    const stale = await staff.client.post(`/api/admin/users/${target.id}/verify-email`, {});
    expect(stale.status).toBe(403);
    expect(stale.data).toMatchObject({ error: { code: 'staff_reauth_required' } });
    expect((await staff.client.get('/api/auth/admin/list-users')).data).toMatchObject({
      error: { code: 'staff_reauth_required' },
    });

    const wrong = await staff.client.post('/api/admin/reauthenticate', { password: 'nope', code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ error: { fields: { password: expect.any(String) } } });

    const ok = await staff.client.post('/api/admin/reauthenticate', {
      password: PASSWORD,
      code: freshCode(),
    });
    expect(ok.status, JSON.stringify(ok.data)).toBe(200);
    expect(await auditedAs('admin.reauthenticated', staff.id)).toBe(1);
    expect((await staff.client.get('/api/auth/admin/list-users')).status).toBe(200);

    // The page's server action does the same.
    await testDb.owner.pool.query(`delete from staff_reauthentication where user_id = $1`, [staff.id]);
    actAs(staff);
    expect(await accessActions.reauthenticateAction({ password: PASSWORD, code: freshCode() })).toMatchObject(
      { ok: true },
    );
    expect(await auditedAs('admin.reauthenticated', staff.id)).toBe(2);
    expect((await staff.client.post(`/api/admin/users/${target.id}/verify-email`, {})).status).toBe(200);
  });
});

describe('read-only impersonation', () => {
  it('refuses writes (API, server action, auth edge) until elevated, allows them until expiry, audits the elevation', async () => {
    const [staff, owner] = await Promise.all([staffMember(), signedInPerson(app, testDb, 'owner')]);
    const slug = `acme-imp-${Date.now()}`;
    const created = await owner.client.post('/api/v1/workspaces', { name: 'Acme Impersonated', slug });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    expect((await staff.client.post('/api/auth/admin/impersonate-user', { userId: owner.id })).status).toBe(
      200,
    );

    // Reads pass; writes are refused everywhere, with nothing written.
    expect((await staff.client.get(`/api/v1/workspaces/${slug}/projects`)).status).toBe(200);
    const apiWrite = await staff.client.post(`/api/v1/workspaces/${slug}/projects`, { name: 'By staff' });
    expect(apiWrite.status).toBe(403);
    expect(apiWrite.data).toMatchObject({ error: { code: 'impersonation_read_only' } });
    actAs(staff);
    expect(await projectActions.createProjectAction(slug, { name: 'By staff' })).toMatchObject({
      ok: false,
      error: { code: 'impersonation_read_only', message: expect.stringMatching(/read-only/u) },
    });
    // An action that only reads (the list's "load more") is a read: allowed, like a GET.
    // (Its cursor is the last project id the page shows; one project, so nothing more to load.)
    const first = await owner.client.post(`/api/v1/workspaces/${slug}/projects`, { name: 'First' });
    expect(first.status).toBe(201);
    const { rows: shown } = await testDb.owner.pool.query(`select id from project where name = 'First'`);
    actAs(staff);
    const more = await projectActions.loadProjectsAction(slug, String(shown[0].id));
    expect(more, JSON.stringify(more)).toEqual({ ok: true, data: { items: [], nextCursor: null } });
    const rename = await staff.client.post('/api/auth/update-user', { name: 'Renamed by staff' });
    expect(rename.status).toBe(403);
    expect(rename.data).toMatchObject({ error: { code: 'impersonation_read_only' } });
    const { rows } = await testDb.owner.pool.query('select count(*)::int as n from project where name = $1', [
      'By staff',
    ]);
    expect(rows[0].n).toBe(0);

    // Elevating needs a real reason; then writes pass, audited under the staff member's name.
    actAs(staff);
    expect(await impersonationActions.elevateImpersonationAction({ reason: 'because' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { reason: expect.any(String) } },
    });
    const reason = 'Ticket #31: the owner asked us to create their first project';
    expect(await impersonationActions.elevateImpersonationAction({ reason })).toMatchObject({ ok: true });
    const [elevation] = await testDb.owner.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'admin.impersonation_elevated'), eq(auditLog.actorId, staff.id)));
    expect(elevation).toMatchObject({ targetType: 'user', targetId: owner.id, metadata: { reason } });
    const allowed = await staff.client.post(`/api/v1/workspaces/${slug}/projects`, { name: 'By staff' });
    expect(allowed.status, JSON.stringify(allowed.data)).toBe(201);
    actAs(staff);
    expect(await projectActions.createProjectAction(slug, { name: 'By staff, action' })).toMatchObject({
      ok: true,
    });

    // The elevation ends: read-only again.
    await testDb.owner.db.update(staffElevation).set({ expiresAt: new Date(Date.now() - 1_000) });
    const expired = await staff.client.post(`/api/v1/workspaces/${slug}/projects`, { name: 'Too late' });
    expect(expired.data).toMatchObject({ error: { code: 'impersonation_read_only' } });

    // Elevating through the API works too (audited again), and stopping is always allowed.
    const viaApi = await staff.client.post('/api/admin/impersonation/elevate', { reason });
    expect(viaApi.status).toBe(200);
    expect(await auditedAs('admin.impersonation_elevated', staff.id)).toBe(2);
    await testDb.owner.db.update(staffElevation).set({ expiresAt: new Date(Date.now() - 1_000) });
    expect((await staff.client.post('/api/auth/admin/stop-impersonating')).status).toBe(200);
    // Back as staff, an impersonation-only route says so.
    expect((await staff.client.post('/api/admin/impersonation/elevate', { reason })).status).toBe(404);
  });
});
