// First: Next's request scope must be possible before any module of the app loads Next.
import { asServerActions } from '../next-request';
import { createHmac, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entitlements } from '@plinth/core/entitlements';
import { createFlagStore, flagCatalog, type FlagStore } from '@plinth/core/flags';
import { createSessionReader } from '@plinth/core/identity';
import type { JobQueue } from '@plinth/core/jobs';
import { createLogger } from '@plinth/core/logger';
import { provideServerContext } from '@plinth/core/server-context';
import { auditLog, flagOverride, session, workspace as workspaceTable, type User } from '@plinth/db';
import { addMember, createUser, createWorkspace, makeStaff, useTestDatabase } from '@plinth/testing';
import * as workspaceActions from '../../apps/web/app/(signed-in)/admin/workspaces/actions';

// The staff console's server actions as Next calls them (headers from next/headers, the wiring from
// the server context): staff only (not_found for a member, unauthenticated signed out, forbidden
// from another site), form strings validated by core, every change audited. The REST routes over
// the same core: staff-http.test.ts.
// Each call runs in Next's own request scope (tests/next-request.ts), with the headers `actAs` set.
const request = { headers: new Headers() };
const actions = asServerActions(workspaceActions, () => request.headers);

const testDb = useTestDatabase();
let flags: FlagStore;

beforeAll(() => {
  flags = createFlagStore({ database: testDb.app, definitions: flagCatalog, environment: 'test' });
  provideServerContext({
    env: testDb.env,
    logger: createLogger({ level: 'silent' }),
    database: testDb.app,
    jobs: {} as JobQueue,
    flags,
    readSession: createSessionReader({
      database: testDb.app,
      secret: testDb.env.auth.secret,
      production: false,
    }),
  });
});
afterAll(async () => {
  await flags?.close();
});
beforeEach(() => {
  request.headers = new Headers();
});

/** The next action runs as `person`'s browser on our pages (null: signed out), or from `origin`. */
async function actAs(person: User | null, origin = new URL(testDb.env.appUrl).origin) {
  const headers = new Headers({ origin, 'user-agent': 'plinth-tests/1.0' });
  if (person) {
    const token = randomBytes(24).toString('base64url');
    await testDb.app.db
      .insert(session)
      .values({ userId: person.id, token, expiresAt: new Date(Date.now() + 3600_000) });
    const signature = createHmac('sha256', testDb.env.auth.secret).update(token).digest('base64');
    headers.set('cookie', `plinth.session_token=${encodeURIComponent(`${token}.${signature}`)}`);
  }
  request.headers = headers;
}

async function fixture() {
  const ws = await createWorkspace(testDb.app);
  const owner = await createUser(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: owner, role: 'owner' });
  return { ws, owner };
}

const reason = { reason: 'Checked by support' };
const untilIso = () => new Date(Date.now() + 10 * 86_400_000).toISOString();

describe('staff console server actions', () => {
  it('refuse everyone but staff, change nothing, and refuse another site even for staff', async () => {
    const { ws, owner } = await fixture();
    const staff = await createUser(testDb.app, { role: 'admin' });
    const calls = [
      () => actions.suspendWorkspaceAction(ws.id, reason),
      () => actions.unsuspendWorkspaceAction(ws.id, reason),
      () => actions.setPlanOverrideAction(ws.id, { plan: 'team', expiresAt: untilIso(), ...reason }),
      () => actions.clearPlanOverrideAction(ws.id, reason),
      () =>
        actions.setFlagOverrideAction({
          key: 'project_templates',
          scope: 'workspace',
          workspaceId: ws.id,
          value: 'true',
          ...reason,
        }),
      () => actions.clearFlagOverrideAction({ key: 'project_templates', scope: 'kill', ...reason }),
    ];
    for (const call of calls) {
      await actAs(owner);
      expect(await call()).toMatchObject({ ok: false, error: { code: 'not_found' } });
      await actAs(null);
      expect(await call()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      await actAs(staff, 'https://evil.example');
      expect(await call()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const [row] = await testDb.owner.db.select().from(workspaceTable).where(eq(workspaceTable.id, ws.id));
    expect(row!.suspendedAt).toBeNull();
    expect(await entitlements({ database: testDb.app }, ws.id)).toMatchObject({
      plan: 'free',
      override: null,
    });
    expect(await testDb.owner.db.select().from(flagOverride)).toEqual([]);
    expect(await testDb.owner.db.select().from(auditLog).where(eq(auditLog.workspaceId, ws.id))).toEqual([]);
  });

  it('for staff: suspend, unsuspend, override the plan from form strings, override a flag; each audited', async () => {
    const { ws } = await fixture();
    const staff = await createUser(testDb.app, { role: 'user,admin' });
    await makeStaff(testDb, staff.id);
    await actAs(staff);

    expect(await actions.suspendWorkspaceAction(ws.id, { reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { reason: expect.any(String) } },
    });
    expect(await actions.suspendWorkspaceAction(ws.id, reason)).toEqual({ ok: true, data: null });
    expect(await actions.unsuspendWorkspaceAction(ws.id, reason)).toEqual({ ok: true, data: null });

    // An empty limit is the plan's own; numbers arrive as text.
    expect(
      await actions.setPlanOverrideAction(ws.id, {
        plan: 'team',
        expiresAt: untilIso(),
        members: '',
        projects: '7',
        ...reason,
      }),
    ).toEqual({ ok: true, data: null });
    expect(await entitlements({ database: testDb.app }, ws.id)).toMatchObject({
      plan: 'team',
      limits: { members: 500, projects: 7 },
    });
    expect(
      await actions.setPlanOverrideAction(ws.id, { plan: 'team', expiresAt: '', ...reason }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { expiresAt: expect.any(String) } },
    });
    expect(await actions.clearPlanOverrideAction(ws.id, reason)).toEqual({ ok: true, data: null });

    const target = { key: 'project_templates', scope: 'workspace', workspaceId: ws.id };
    expect(await actions.setFlagOverrideAction({ ...target, value: 'true', ...reason })).toEqual({
      ok: true,
      data: null,
    });
    const [flagRow] = await testDb.owner.db
      .select()
      .from(flagOverride)
      .where(and(eq(flagOverride.key, 'project_templates'), eq(flagOverride.workspaceId, ws.id)));
    expect(flagRow!.value).toBe(true);
    expect(await actions.clearFlagOverrideAction({ ...target, ...reason })).toEqual({ ok: true, data: null });
    // A key that is an object property is no flag (it was a TypeError), and a target must exist.
    for (const bad of [
      { key: 'constructor', scope: 'kill', value: 'true', ...reason },
      { key: '__proto__', scope: 'kill', value: 'true', ...reason },
    ]) {
      expect(await actions.setFlagOverrideAction(bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: { key: expect.any(String) } },
      });
    }
    expect(
      await actions.setFlagOverrideAction({
        ...target,
        workspaceId: '01900000-0000-7000-8000-000000000000',
        value: 'true',
        ...reason,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { workspaceId: expect.any(String) } },
    });

    const audited = await testDb.owner.db.select().from(auditLog).where(eq(auditLog.actorId, staff.id));
    expect(audited.map((row) => row.action).sort()).toEqual(
      [
        'flag.override_cleared',
        'flag.override_set',
        'workspace.plan_override_cleared',
        'workspace.plan_override_set',
        'workspace.suspended',
        'workspace.unsuspended',
      ].sort(),
    );
    expect(audited.every((row) => row.userAgent === 'plinth-tests/1.0')).toBe(true);
  });
});
