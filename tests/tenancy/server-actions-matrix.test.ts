// First: Next's request scope must be possible before any module of the app loads Next.
import { asServerActions } from '../next-request';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Permission } from '@plinth/core/access';
import { ensureCustomer, syncCatalog } from '@plinth/core/billing';
import type { ErrorCode } from '@plinth/core/errors';
import { createSessionReader } from '@plinth/core/identity';
import { JobQueue } from '@plinth/core/jobs';
import { createLogger } from '@plinth/core/logger';
import { createFlagStore, flagCatalog } from '@plinth/core/flags';
import { provideServerContext } from '@plinth/core/server-context';
import { createS3Storage } from '@plinth/core/storage';
import { resolveMembership } from '@plinth/core/tenancy';
import type { MemberRole } from '@plinth/db';
import { makeStaff, useTestDatabase } from '@plinth/testing';
import { startFakeStripe, type FakeStripe } from '@plinth/testing/fake-stripe';
import { queues } from '../../apps/server/src/wiring';
import * as acceptActionsModule from '../../apps/web/app/(auth)/invitations/accept/actions';
import * as systemActionsModule from '../../apps/web/app/(signed-in)/admin/system/actions';
import * as accountActionsModule from '../../apps/web/app/(signed-in)/account/actions';
import * as appActionsModule from '../../apps/web/app/(signed-in)/app/actions';
import * as auditActionsModule from '../../apps/web/app/(signed-in)/w/[slug]/audit/actions';
import * as billingActionsModule from '../../apps/web/app/(signed-in)/w/[slug]/billing/actions';
import * as memberActionsModule from '../../apps/web/app/(signed-in)/w/[slug]/members/actions';
import * as projectActionsModule from '../../apps/web/app/(signed-in)/w/[slug]/projects/actions';
import * as workspaceActionsModule from '../../apps/web/app/(signed-in)/w/[slug]/actions';
import * as attachmentActionsModule from '../../apps/web/app/(signed-in)/w/[slug]/projects/[id]/actions';
import * as settingsActionsModule from '../../apps/web/app/(signed-in)/w/[slug]/settings/actions';
import * as apiKeyActionsModule from '../../apps/web/app/(signed-in)/w/[slug]/settings/api-keys/actions';
import * as webhookActionsModule from '../../apps/web/app/(signed-in)/w/[slug]/settings/webhooks/actions';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from './people';
import { editors, everyone, managers, ownerOnly } from './reviewed-grants';
import {
  CLOSED_LOOPBACK_URL,
  memberRoles,
  workspaceFixture,
  type WorkspaceFixture,
} from './workspace-fixture';

// The server actions' twin of access-matrix.test.ts: every action of the workspace pages, called
// as Next calls it (the request's headers from next/headers, the process's wiring from the server
// context), for a member of another workspace and for each role, against the permission table.

// Each call runs in Next's own request scope (tests/next-request.ts): the real next/headers,
// next/cache and next/navigation, with the headers of the person the test is acting as.
const request = { headers: new Headers() };
const asBrowser = <M extends object>(module: M) => asServerActions(module, () => request.headers);
const acceptActions = asBrowser(acceptActionsModule);
const systemActions = asBrowser(systemActionsModule);
const accountActions = asBrowser(accountActionsModule);
const appActions = asBrowser(appActionsModule);
const auditActions = asBrowser(auditActionsModule);
const billingActions = asBrowser(billingActionsModule);
const memberActions = asBrowser(memberActionsModule);
const projectActions = asBrowser(projectActionsModule);
const workspaceActions = asBrowser(workspaceActionsModule);
const attachmentActions = asBrowser(attachmentActionsModule);
const settingsActions = asBrowser(settingsActionsModule);
const apiKeyActions = asBrowser(apiKeyActionsModule);
const webhookActions = asBrowser(webhookActionsModule);

// Webhook endpoints point at a closed loopback port: the development allowance lets them be created.
const testDb = useTestDatabase({ WEBHOOK_ALLOW_PRIVATE: 'loopback' });
const app = useIdentityApp(testDb);

type Fixture = WorkspaceFixture;

interface ActionCase {
  /** The actions file, relative to apps/web/app. */
  file: string;
  name: string;
  run: (f: Fixture) => Promise<unknown>;
  /** The permission the action checks; null: any member may (core has its own rules). */
  permission: Permission | null;
  /** The roles that may, as reviewed (see reviewed-grants.ts); never derived from the table. */
  allowed: readonly MemberRole[];
  /** Error codes for roles the table says may act, when the action does not succeed for them. */
  special?: Partial<Record<MemberRole, ErrorCode>>;
  /**
   * The action only reads, also when it succeeds (at most an audit row of the read): the roles it
   * lets through act on the fixture its refusals share instead of one each (see refusalFixture).
   */
  readsOnly?: true;
}

const members = '(signed-in)/w/[slug]/members/actions.ts';
const projects = '(signed-in)/w/[slug]/projects/actions.ts';
const workspaceHome = '(signed-in)/w/[slug]/actions.ts';
const settings = '(signed-in)/w/[slug]/settings/actions.ts';
const audit = '(signed-in)/w/[slug]/audit/actions.ts';
const apiKeys = '(signed-in)/w/[slug]/settings/api-keys/actions.ts';
const billing = '(signed-in)/w/[slug]/billing/actions.ts';
const webhooks = '(signed-in)/w/[slug]/settings/webhooks/actions.ts';
const attachments = '(signed-in)/w/[slug]/projects/[id]/actions.ts';

const cases: ActionCase[] = [
  {
    file: attachments,
    name: 'startAttachmentUploadAction',
    run: (f) =>
      attachmentActions.startAttachmentUploadAction(f.slug, f.projectId, {
        name: 'notes.txt',
        contentType: 'text/plain',
        size: 5,
      }),
    permission: 'file.upload',
    allowed: editors,
  },
  {
    file: attachments,
    name: 'completeAttachmentAction',
    run: (f) => attachmentActions.completeAttachmentAction(f.slug, f.pendingFileId),
    permission: 'file.upload',
    allowed: editors,
    // Only whoever declared it (the owner) completes it; its object has not arrived: conflict.
    special: { owner: 'conflict', admin: 'not_found', member: 'not_found' },
  },
  {
    file: attachments,
    name: 'attachmentDownloadAction',
    run: (f) => attachmentActions.attachmentDownloadAction(f.slug, f.fileId),
    permission: 'file.read',
    allowed: everyone,
    readsOnly: true,
  },
  {
    file: attachments,
    name: 'deleteAttachmentAction',
    run: (f) => attachmentActions.deleteAttachmentAction(f.slug, f.fileId),
    permission: 'file.delete',
    allowed: editors,
  },
  {
    file: settings,
    name: 'startLogoUploadAction',
    run: (f) =>
      settingsActions.startLogoUploadAction(f.slug, {
        name: 'logo.png',
        contentType: 'image/png',
        size: 100,
      }),
    permission: 'workspace.update',
    allowed: managers,
  },
  {
    file: settings,
    name: 'completeLogoAction',
    // Completing is the generic completeUpload: the file's own purpose decides the permission (the
    // fixture's pending file is an attachment: file.upload), and only whoever declared it (the
    // owner) completes it; its object has not arrived: conflict.
    run: (f) => settingsActions.completeLogoAction(f.slug, f.pendingFileId),
    permission: 'file.upload',
    allowed: editors,
    special: { owner: 'conflict', admin: 'not_found', member: 'not_found' },
  },
  {
    file: settings,
    name: 'logoStateAction',
    run: (f) => settingsActions.logoStateAction(f.slug),
    permission: 'file.read',
    allowed: everyone,
    readsOnly: true,
  },
  {
    file: settings,
    name: 'removeLogoAction',
    run: (f) => settingsActions.removeLogoAction(f.slug),
    permission: 'workspace.update',
    allowed: managers,
  },
  {
    file: settings,
    name: 'renameWorkspaceAction',
    run: (f) => settingsActions.renameWorkspaceAction(f.slug, { name: 'Renamed' }),
    permission: 'workspace.update',
    allowed: managers,
  },
  {
    file: settings,
    name: 'deleteWorkspaceAction',
    run: (f) => settingsActions.deleteWorkspaceAction(f.slug),
    permission: 'workspace.delete',
    allowed: ownerOnly,
  },
  {
    file: members,
    name: 'leaveWorkspaceAction',
    run: (f) => memberActions.leaveWorkspaceAction(f.slug),
    permission: null,
    allowed: everyone,
    // The fixture's owner is its only owner: the last owner cannot leave.
    special: { owner: 'conflict' },
  },
  {
    file: members,
    name: 'transferOwnershipAction',
    run: (f) => memberActions.transferOwnershipAction(f.slug, f.targetUserId),
    permission: 'workspace.transfer',
    allowed: ownerOnly,
  },
  {
    file: members,
    name: 'changeMemberRoleAction',
    run: (f) => memberActions.changeMemberRoleAction(f.slug, f.targetUserId, { role: 'member' }),
    permission: 'member.update_role',
    allowed: managers,
  },
  {
    file: members,
    name: 'removeMemberAction',
    run: (f) => memberActions.removeMemberAction(f.slug, f.targetUserId),
    permission: 'member.remove',
    allowed: managers,
  },
  {
    file: members,
    name: 'inviteMemberAction',
    run: (f) =>
      memberActions.inviteMemberAction(f.slug, {
        email: `new-${randomUUID()}@example.test`,
        role: 'viewer',
      }),
    permission: 'member.invite',
    allowed: managers,
  },
  {
    file: members,
    name: 'revokeInvitationAction',
    run: (f) => memberActions.revokeInvitationAction(f.slug, f.invitationId),
    permission: 'invitation.revoke',
    allowed: managers,
  },
  {
    file: members,
    name: 'resendInvitationAction',
    run: (f) => memberActions.resendInvitationAction(f.slug, f.invitationId),
    permission: 'member.invite',
    allowed: managers,
  },
  {
    file: workspaceHome,
    name: 'searchAction',
    run: (f) => workspaceActions.searchAction(f.slug, 'project'),
    permission: 'project.read',
    allowed: everyone,
    readsOnly: true,
  },
  {
    file: workspaceHome,
    name: 'dismissOnboardingAction',
    run: (f) => workspaceActions.dismissOnboardingAction(f.slug),
    permission: 'workspace.update',
    allowed: managers,
  },
  {
    file: projects,
    name: 'loadProjectsAction',
    run: (f) => projectActions.loadProjectsAction(f.slug, f.projectId),
    permission: 'project.read',
    allowed: everyone,
    readsOnly: true,
  },
  {
    file: projects,
    name: 'createProjectAction',
    run: (f) => projectActions.createProjectAction(f.slug, { name: 'New project' }),
    permission: 'project.create',
    allowed: editors,
  },
  {
    file: projects,
    name: 'updateProjectAction',
    run: (f) => projectActions.updateProjectAction(f.slug, f.projectId, { name: 'Edited' }),
    permission: 'project.update',
    allowed: editors,
  },
  {
    file: projects,
    name: 'deleteProjectAction',
    run: (f) => projectActions.deleteProjectAction(f.slug, f.projectId),
    permission: 'project.delete',
    allowed: managers,
  },
  {
    file: audit,
    name: 'loadAuditLogAction',
    run: (f) => auditActions.loadAuditLogAction(f.slug, {}),
    permission: 'audit.read',
    allowed: managers,
    readsOnly: true,
  },
  {
    file: apiKeys,
    name: 'createApiKeyAction',
    run: (f) => apiKeyActions.createApiKeyAction(f.slug, { name: 'CI', scopes: ['project.read'] }),
    permission: 'api_key.manage',
    allowed: managers,
  },
  {
    file: apiKeys,
    name: 'revokeApiKeyAction',
    run: (f) => apiKeyActions.revokeApiKeyAction(f.slug, f.apiKeyId),
    permission: 'api_key.manage',
    allowed: managers,
  },
  {
    file: billing,
    name: 'startCheckoutAction',
    run: (f) => billingActions.startCheckoutAction(f.slug, { lookupKey: 'pro_monthly' }),
    permission: 'billing.manage',
    allowed: managers,
  },
  {
    file: billing,
    name: 'openPortalAction',
    // The portal needs a billing account: the owner's workspace has one, as after a first Checkout.
    run: async (f) => {
      await withStripeCustomer(f);
      return billingActions.openPortalAction(f.slug);
    },
    permission: 'billing.manage',
    allowed: managers,
  },
  {
    file: billing,
    name: 'openSeatsPortalAction',
    // The fixture's workspace is on Team, whose plan includes seat_billing (tests/billing/feature-matrix).
    run: async (f) => {
      await withStripeCustomer(f);
      return billingActions.openSeatsPortalAction(f.slug);
    },
    permission: 'billing.manage',
    allowed: managers,
  },
  ...webhookActionCases(),
];

function webhookActionCases(): ActionCase[] {
  const manage = { file: webhooks, permission: 'webhook.manage' as const, allowed: managers };
  return [
    {
      ...manage,
      name: 'createWebhookEndpointAction',
      run: (f) => webhookActions.createWebhookEndpointAction(f.slug, { url: CLOSED_LOOPBACK_URL }),
    },
    {
      ...manage,
      name: 'setWebhookEndpointEnabledAction',
      run: (f) => webhookActions.setWebhookEndpointEnabledAction(f.slug, f.webhookEndpointId, false),
    },
    {
      ...manage,
      name: 'rotateWebhookSecretAction',
      run: (f) => webhookActions.rotateWebhookSecretAction(f.slug, f.webhookEndpointId),
    },
    {
      ...manage,
      name: 'sendTestEventAction',
      run: (f) => webhookActions.sendTestEventAction(f.slug, f.webhookEndpointId),
    },
    {
      ...manage,
      name: 'deleteWebhookEndpointAction',
      run: (f) => webhookActions.deleteWebhookEndpointAction(f.slug, f.webhookEndpointId),
    },
    {
      ...manage,
      name: 'retryDeliveryAction',
      run: (f) => webhookActions.retryDeliveryAction(f.slug, f.webhookEndpointId, f.webhookDeliveryId),
    },
  ];
}

/** Actions with no workspace in their arguments: outside the role matrix, for the reason given. */
const outsideMatrix: Record<string, string> = {
  '(signed-in)/app/actions.ts#createWorkspaceAction': 'creates a workspace; any signed-in person may',
  '(auth)/invitations/accept/actions.ts#acceptInvitationAction':
    'scoped by the invitation token and the invited email (tests/tenancy/invitations.test.ts); ' +
    'an unknown token is asserted below',
  '(signed-in)/account/actions.ts#startAvatarUploadAction': "the person's own avatar: asserted below",
  '(signed-in)/account/actions.ts#completeAvatarAction': "the person's own avatar: asserted below",
  '(signed-in)/account/actions.ts#avatarStateAction': "the person's own avatar: asserted below",
  '(signed-in)/account/actions.ts#removeAvatarAction': "the person's own avatar: asserted below",
  '(signed-in)/account/actions.ts#setThemeAction': "the person's own theme: asserted below",
  '(signed-in)/account/actions.ts#setLocaleAction': "the person's own language: asserted below",
  '(signed-in)/admin/system/actions.ts#replayJobAction':
    'staff only, in no workspace: asserted below (replay itself: packages/core/src/system)',
  '(signed-in)/admin/users/actions.ts#forceVerifyEmailAction':
    'staff only, in no workspace: tests/staff/staff-routes.test.ts (guard, audit row)',
  '(signed-in)/admin/users/actions.ts#resendVerificationAction':
    'staff only, in no workspace: tests/staff/staff-routes.test.ts (guard, audit row)',
  '(signed-in)/admin/users/actions.ts#revokeSessionsAction':
    'staff only, in no workspace: tests/staff/staff-routes.test.ts (guard, audit row)',
  '(signed-in)/admin/access/actions.ts#reauthenticateAction':
    "the signed-in staff member's own session: tests/staff/staff-routes.test.ts",
  '(signed-in)/admin/impersonation/actions.ts#elevateImpersonationAction':
    'the impersonation session itself, in no workspace: tests/staff/staff-routes.test.ts',
  '(signed-in)/admin/workspaces/actions.ts#suspendWorkspaceAction':
    'staff only, in no workspace: tests/staff-console/staff-actions.test.ts',
  '(signed-in)/admin/workspaces/actions.ts#unsuspendWorkspaceAction':
    'staff only, in no workspace: tests/staff-console/staff-actions.test.ts',
  '(signed-in)/admin/workspaces/actions.ts#setPlanOverrideAction':
    'staff only, in no workspace: tests/staff-console/staff-actions.test.ts',
  '(signed-in)/admin/workspaces/actions.ts#clearPlanOverrideAction':
    'staff only, in no workspace: tests/staff-console/staff-actions.test.ts',
  '(signed-in)/admin/workspaces/actions.ts#setFlagOverrideAction':
    'staff only, in no workspace: tests/staff-console/staff-actions.test.ts',
  '(signed-in)/admin/workspaces/actions.ts#clearFlagOverrideAction':
    'staff only, in no workspace: tests/staff-console/staff-actions.test.ts',
};

const roles = memberRoles;
const people = {} as Record<MemberRole | 'outsider', Person>;
/** Signed up with the others; made staff by the replayJobAction test itself. */
let staff: Person;
let jobs: JobQueue;
let stripe: FakeStripe;

beforeAll(async () => {
  // The wiring apps/server hands Next (start.ts): here a sending-only queue; the identity app's
  // worker node delivers what the actions enqueue.
  const logger = createLogger({ level: 'silent' });
  jobs = new JobQueue({
    connectionString: testDb.appUrl,
    schema: testDb.env.jobsSchema,
    logger,
    queues,
    runsWorkers: false,
  });
  // The people, the queue and the fake Stripe are independent of each other: set up side by side.
  // Each sign-up mostly waits for the worker node to deliver its verification mail.
  await Promise.all([
    ...([...roles, 'outsider'] as const).map(async (role) => {
      people[role] = await signedInPerson(app, testDb, role);
    }),
    signedInPerson(app, testDb, 'staff').then((person) => {
      staff = person;
    }),
    jobs.start(),
    // Billing actions talk to the fake Stripe, set up as `npm run billing:sync` would.
    startFakeStripe().then(async (started) => {
      stripe = started;
      await syncCatalog({ database: testDb.app, stripe: stripe.stripe, appUrl: testDb.env.appUrl });
    }),
  ]);
  provideServerContext({
    env: testDb.env,
    logger,
    database: testDb.app,
    jobs,
    flags: createFlagStore({ database: testDb.app, definitions: flagCatalog, environment: 'test' }),
    readSession: createSessionReader({
      database: testDb.app,
      secret: testDb.env.auth.secret,
      production: false,
    }),
    stripe: stripe.stripe,
    storage: createS3Storage(app.storageEnv),
  });
});

afterAll(async () => {
  await jobs?.stop();
  await stripe?.close();
});

/** Arranges a Stripe customer for the fixture's workspace, as its owner's first Checkout would. */
async function withStripeCustomer(f: Fixture): Promise<void> {
  const { actor } = await resolveMembership(testDb.app, people.owner.id, f.slug);
  await ensureCustomer({ database: testDb.app, stripe: stripe.stripe }, actor);
}

beforeEach(() => {
  request.headers = new Headers();
});

/**
 * The next requests come from `person`'s browser (null: signed out), on one of our pages (its
 * Origin is APP_URL's, as a browser sends on every POST) unless `origin` says otherwise (null: none).
 */
function actAs(person: Person | null, origin: string | null = new URL(testDb.env.appUrl).origin) {
  const headers = new Headers({ 'user-agent': 'plinth-tests/1.0' });
  if (origin !== null) headers.set('origin', origin);
  if (person) {
    headers.set('cookie', [...person.client.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
  }
  request.headers = headers;
}

const fixture = () => workspaceFixture(testDb, people);

/**
 * Whether `role` gets past the action's permission check: a role the reviewed grants allow, or one
 * with a special outcome (which is decided after that check, by the action's own rules).
 */
const getsThrough = (actionCase: ActionCase, role: MemberRole) =>
  actionCase.allowed.includes(role) || actionCase.special?.[role] !== undefined;

/** Whether `role`'s call may change what the case's other calls read: then it gets a fixture of its own. */
const needsOwnFixture = (actionCase: ActionCase, role: MemberRole) =>
  getsThrough(actionCase, role) && !actionCase.readsOnly;

/**
 * One fixture per action, shared by the calls that must be refused before the action does anything:
 * the outsider, the signed-out request, the roles without the permission and the forged origins. A
 * refused call changes nothing (the forged-origin cases count the audit rows to prove it), so they
 * all find the fixture as it was built; if a check were missing, the call that slipped through fails
 * its own test. A call that gets through may delete, remove or use up what the others read, so each
 * of those builds a fixture of its own, unless the action only reads. Built on first use, so that
 * either describe below can run alone (vitest -t).
 */
const refusalFixtures = new Map<ActionCase, Promise<Fixture>>();
function refusalFixture(actionCase: ActionCase): Promise<Fixture> {
  let built = refusalFixtures.get(actionCase);
  if (!built) {
    built = fixture();
    refusalFixtures.set(actionCase, built);
  }
  return built;
}

type Outcome = { ok: true; data: unknown } | { ok: false; error: { code: string } } | { thrown: string };

/** Calls the action as `person`; Next's notFound/redirect come back as `thrown`. */
async function call(
  person: Person | null,
  actionCase: ActionCase,
  f: Fixture,
  origin?: string | null,
): Promise<Outcome> {
  actAs(person, origin);
  try {
    return (await actionCase.run(f)) as Outcome;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('NEXT_')) return { thrown: error.message };
    throw error;
  }
}

const appDir = fileURLToPath(new URL('../../apps/web/app/', import.meta.url));

describe('every server action is in the matrix', () => {
  it('the table covers exactly the functions the actions.ts files export', async () => {
    const files = readdirSync(appDir, { recursive: true, encoding: 'utf8' })
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => file === 'actions.ts' || file.endsWith('/actions.ts'));
    const exported = new Set<string>();
    for (const file of files) {
      const module = (await import(path.join(appDir, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (typeof value === 'function') exported.add(`${file}#${name}`);
      }
    }
    expect(exported).toEqual(
      new Set([...cases.map((c) => `${c.file}#${c.name}`), ...Object.keys(outsideMatrix)]),
    );
  });
});

describe.each(cases)('$name ($file)', (actionCase) => {
  // Every fixture this action's tests need, built side by side before the first of them: the
  // shared one for refusals and one of its own for each role whose call may change it.
  const own = new Map<MemberRole, Fixture>();
  beforeAll(async () => {
    await Promise.all([
      refusalFixture(actionCase),
      ...roles
        .filter((role) => needsOwnFixture(actionCase, role))
        .map(async (role) => own.set(role, await fixture())),
    ]);
  });

  it('is not_found with no data for a member of another workspace', async () => {
    const f = await refusalFixture(actionCase);
    const outcome = await call(people.outsider, actionCase, f);
    if ('thrown' in outcome) expect(outcome.thrown).toBe('NEXT_HTTP_ERROR_FALLBACK;404');
    else {
      expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(outcome).not.toHaveProperty('data');
    }
    const text = JSON.stringify(outcome);
    for (const secret of [f.workspaceId, f.projectId, f.projectName, f.invitationId, f.targetUserId]) {
      expect(text).not.toContain(secret);
    }
  });

  it('is unauthenticated when signed out', async () => {
    const f = await refusalFixture(actionCase);
    expect(await call(null, actionCase, f)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it.each(roles)('for a %s: exactly what the reviewed grants allow', async (role) => {
    const f = needsOwnFixture(actionCase, role) ? own.get(role)! : await refusalFixture(actionCase);
    const outcome = await call(people[role], actionCase, f);
    const allowed = actionCase.allowed.includes(role);
    const expected = actionCase.special?.[role];
    if (expected) expect(outcome).toMatchObject({ ok: false, error: { code: expected } });
    else if (allowed) expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
    else {
      expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(outcome).not.toHaveProperty('data');
    }
  });
});

/** Audit rows of a workspace: every change an action makes writes one. */
async function auditRows(workspaceId: string): Promise<number> {
  const { rows } = await testDb.owner.pool.query<{ n: number }>(
    'select count(*)::int as n from audit_log where workspace_id = $1',
    [workspaceId],
  );
  return rows[0]!.n;
}

// Cross-site request forgery: a page elsewhere cannot make the person's browser run an action.
// Next itself compares Origin with Host but lets a request without Origin through; runAction
// requires a trusted one before anything runs.
const foreignOrigins: [string, string | null][] = [
  ['no Origin', null],
  ['a foreign Origin', 'https://evil.example'],
  ['our host on another port', 'http://localhost:1'],
  ['the opaque Origin null', 'null'],
];

describe.each(cases)('$name ($file) sent from another site', (actionCase) => {
  it.each(foreignOrigins)('with %s is refused for the owner, and changes nothing', async (_label, origin) => {
    const f = await refusalFixture(actionCase);
    const before = await auditRows(f.workspaceId);
    const outcome = await call(people.owner, actionCase, f, origin);
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('trusted origin') },
    });
    expect(outcome).not.toHaveProperty('data');
    expect(await auditRows(f.workspaceId)).toBe(before);
  });
});

describe('actions outside the matrix sent from another site', () => {
  it.each(foreignOrigins)('with %s are refused before anything runs', async (_label, origin) => {
    actAs(people.outsider, origin);
    const slug = `csrf-${randomUUID().slice(0, 8)}`;
    expect(await appActions.createWorkspaceAction({ name: 'Forged', slug })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const { rows } = await testDb.owner.pool.query('select 1 from workspace where slug = $1', [slug]);
    expect(rows).toEqual([]);
    expect(await acceptActions.acceptInvitationAction(randomUUID())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('the avatar actions (a person, in no workspace)', () => {
  const avatarRows = async (userId: string) =>
    (await testDb.owner.pool.query('select id from avatar where user_id = $1', [userId])).rows;

  it('are unauthenticated signed out and forbidden from another site, writing nothing', async () => {
    const calls = [
      () => accountActions.startAvatarUploadAction({ contentType: 'image/png', size: 100 }),
      () => accountActions.completeAvatarAction(randomUUID()),
      () => accountActions.avatarStateAction(),
      () => accountActions.removeAvatarAction(),
    ];
    for (const run of calls) {
      actAs(null);
      expect(await run()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      for (const [, origin] of foreignOrigins) {
        actAs(people.member, origin);
        expect(await run()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(await avatarRows(people.member.id)).toEqual([]);
  });

  it("act on the person's own avatar only: someone else's id is not_found; bad input names the field", async () => {
    actAs(people.admin);
    const started = await accountActions.startAvatarUploadAction({ contentType: 'image/png', size: 100 });
    expect(started).toMatchObject({ ok: true });
    const id = (started as { data: { id: string } }).data.id;
    actAs(people.viewer);
    expect(await accountActions.completeAvatarAction(id)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await accountActions.startAvatarUploadAction({ contentType: 'image/svg+xml', size: 100 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { content_type: expect.any(String) } },
    });
    expect(await accountActions.avatarStateAction()).toMatchObject({ ok: true, data: null });
    actAs(people.admin);
    // Its object never arrived: a conflict for its own person, and still pending.
    expect(await accountActions.completeAvatarAction(id)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await accountActions.removeAvatarAction()).toMatchObject({ ok: true });
    // The row stays, superseded, until the cleanup job has swept its upload key (decision 0030).
    const { rows } = await testDb.owner.pool.query<{ status: string }>(
      'select status from avatar where user_id = $1',
      [people.admin.id],
    );
    expect(rows.map((row) => row.status)).toEqual(['superseded']);
    expect(await accountActions.avatarStateAction()).toMatchObject({ ok: true, data: null });
  });
});

describe('setThemeAction (a person, in no workspace)', () => {
  const themeOf = async (userId: string) =>
    (await testDb.owner.pool.query('select theme from "user" where id = $1', [userId])).rows[0]?.theme;

  it("saves the person's own theme; signed out, from another site or with a bad value it writes nothing", async () => {
    actAs(null);
    expect(await accountActions.setThemeAction('dark')).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    for (const [, origin] of foreignOrigins) {
      actAs(people.member, origin);
      expect(await accountActions.setThemeAction('dark')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    actAs(people.member);
    expect(await accountActions.setThemeAction('purple')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { theme: expect.any(String) } },
    });
    expect(await themeOf(people.member.id)).toBe('system');
    expect(await accountActions.setThemeAction('dark')).toEqual({ ok: true, data: { theme: 'dark' } });
    expect(await themeOf(people.member.id)).toBe('dark');
    expect(await themeOf(people.viewer.id)).toBe('system');
    expect(await accountActions.setThemeAction('system')).toMatchObject({ ok: true });
  });
});

describe('setLocaleAction (a person, in no workspace)', () => {
  const localeOf = async (userId: string) =>
    (await testDb.owner.pool.query('select locale from "user" where id = $1', [userId])).rows[0]?.locale;

  it("saves the person's own language; signed out, from another site or with a bad value it writes nothing", async () => {
    actAs(null);
    expect(await accountActions.setLocaleAction('de')).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    for (const [, origin] of foreignOrigins) {
      actAs(people.member, origin);
      expect(await accountActions.setLocaleAction('de')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    actAs(people.member);
    expect(await accountActions.setLocaleAction('klingon')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { locale: expect.any(String) } },
    });
    expect(await localeOf(people.member.id)).toBeNull();
    expect(await accountActions.setLocaleAction('de')).toEqual({ ok: true, data: { locale: 'de' } });
    expect(await localeOf(people.member.id)).toBe('de');
    expect(await localeOf(people.viewer.id)).toBeNull();
    expect(await accountActions.setLocaleAction(null)).toEqual({ ok: true, data: { locale: null } });
    expect(await localeOf(people.member.id)).toBeNull();
  });
});

describe('acceptInvitationAction', () => {
  it('is not_found with no data for a token that names no invitation', async () => {
    actAs(people.outsider);
    const outcome = await acceptActions.acceptInvitationAction(randomUUID());
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(outcome).not.toHaveProperty('data');
  });
});

describe('replayJobAction', () => {
  /** A mail.send job as pg-boss leaves one whose last attempt failed. */
  async function failedMailJob(): Promise<string> {
    const { rows } = await testDb.owner.pool.query<{ id: string }>(
      `insert into ${testDb.env.jobsSchema}.job (name, data, state, retry_limit, retry_count, output, completed_on)
       values ('mail.send', '{"template": "nothing"}', 'failed', 0, 0, '{"message": "failed"}', now())
       returning id`,
    );
    return rows[0]!.id;
  }
  const replays = async (jobId: string) => {
    const { rows } = await testDb.owner.pool.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'admin.job_replayed' and target_id = $1`,
      [jobId],
    );
    return rows[0]!.n;
  };

  it('is not_found for anyone but staff, unauthenticated signed out, forbidden from another site', async () => {
    const jobId = await failedMailJob();
    actAs(people.owner);
    expect(await systemActions.replayJobAction('mail.send', jobId)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    actAs(null);
    expect(await systemActions.replayJobAction('mail.send', jobId)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    await makeStaff(testDb, staff.id);
    for (const [, origin] of foreignOrigins) {
      actAs(staff, origin);
      expect(await systemActions.replayJobAction('mail.send', jobId)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await replays(jobId)).toBe(0);

    // Staff, from our own page: replayed once; a second time is a conflict; bad input names the field.
    actAs(staff);
    expect(await systemActions.replayJobAction('mail.send', jobId)).toMatchObject({
      ok: true,
      data: { replayJobId: expect.any(String) },
    });
    expect(await systemActions.replayJobAction('mail.send', jobId)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await systemActions.replayJobAction('mail.send', 42)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { jobId: expect.any(String) } },
    });
    expect(await replays(jobId)).toBe(1);
  });
});
