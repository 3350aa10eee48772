import type { MemberRole } from '@plinth/db';
import { apiKey, file, webhookDelivery, webhookEndpoint } from '@plinth/db';
import { createSecretBox } from '@plinth/core/secrets';
import {
  createInvitation,
  addMember,
  createProject,
  createUser,
  createWorkspace,
  grantPlan,
  type TestDatabase,
} from '@plinth/testing';
import type { Person } from './people';

export const memberRoles: MemberRole[] = ['owner', 'admin', 'member', 'viewer'];

/** One signed-in person per role, plus an outsider who belongs to another workspace. */
export type MatrixPeople = Record<MemberRole | 'outsider', Person>;

export interface WorkspaceFixture {
  slug: string;
  workspaceId: string;
  projectId: string;
  projectName: string;
  invitationId: string;
  targetUserId: string;
  /** A live API key of the workspace (made by its admin), to revoke. */
  apiKeyId: string;
  /** A webhook endpoint (to a closed loopback port) with one failed delivery, to retry. */
  webhookEndpointId: string;
  webhookDeliveryId: string;
  /** A ready attachment of the project (its object is never fetched: downloads only sign). */
  fileId: string;
  /** The owner's attachment, declared and not uploaded yet. */
  pendingFileId: string;
}

/** Nothing listens on the discard port: a delivery there is refused on loopback, never sent off the machine. */
export const CLOSED_LOOPBACK_URL = 'http://127.0.0.1:9/webhooks';

/**
 * A fresh workspace on the team plan with the four role holders, a viewer to act on, a project and
 * a pending invitation; the outsider gets a workspace of its own. One per case, so a deletion in
 * one case cannot change another's outcome.
 */
export async function workspaceFixture(
  testDb: TestDatabase,
  people: MatrixPeople,
): Promise<WorkspaceFixture> {
  const ws = await createWorkspace(testDb.app);
  // Everything below hangs off the workspace alone (the files off the project, the delivery off the
  // endpoint), so the rows are written side by side on the app pool's connections rather than one
  // round trip after another: the matrices build a fixture per case, hundreds in a file.
  const projectName = `Secret project ${ws.slug}`;
  const [, target, created, invite, key, endpoint] = await Promise.all([
    grantPlan(testDb.app, { workspace: ws, plan: 'team', seats: 50 }),
    createUser(testDb.app),
    createProject(testDb.app, {
      workspace: ws,
      createdBy: { id: people.owner.id } as never,
      name: projectName,
    }),
    // The invitation and the key are the admin's, the lowest rank that may manage them: the matrices
    // test the permission table, and an owner's would be out of an admin's reach by the rank rule
    // (tests/tenancy/abuse-rules.test.ts tests that rule).
    createInvitation(testDb.app, { workspace: ws, invitedBy: people.admin }),
    testDb.app.db
      .insert(apiKey)
      .values({
        workspaceId: ws.id,
        name: 'Deploys',
        prefix: 'plk_fixture0',
        secretHash: `hash-${ws.slug}`,
        scopes: ['project.read'],
        createdBy: people.admin.id,
      })
      .returning()
      .then(([row]) => row!),
    testDb.app.db.transaction(async (tx) => {
      await tx.execute(`select set_config('app.workspace_id', '${ws.id}', true)`);
      const [row] = await tx
        .insert(webhookEndpoint)
        .values({
          workspaceId: ws.id,
          url: CLOSED_LOOPBACK_URL,
          secretCiphertext: createSecretBox(testDb.env.secretsEncryptionKey).seal('whsec_Zml4dHVyZQ=='),
          createdBy: people.admin.id,
        })
        .returning();
      return row!;
    }),
    ...memberRoles.map((role) =>
      addMember(testDb.app, { workspace: ws, user: { id: people[role].id } as never, role }),
    ),
  ]);
  const [delivery, [readyFile, pendingFile]] = await Promise.all([
    testDb.owner.db
      .insert(webhookDelivery)
      .values({
        workspaceId: ws.id,
        endpointId: endpoint.id,
        eventId: endpoint.id,
        eventType: 'ping',
        body: '{}',
        eventCreatedAt: new Date(),
        status: 'failed',
        attempts: 12,
      })
      .returning()
      .then(([row]) => row!),
    testDb.app.db.transaction(async (tx) => {
      await tx.execute(`select set_config('app.workspace_id', '${ws.id}', true)`);
      const values = (status: 'ready' | 'pending', tag: string) => ({
        workspaceId: ws.id,
        purpose: 'attachment',
        status,
        name: `${tag}.pdf`,
        contentType: 'application/pdf',
        size: 10,
        storageKey: `workspaces/${ws.id}/attachment/${tag}-${ws.slug}`,
        finalKey: `workspaces/${ws.id}/attachment/${tag}-${ws.slug}-final`,
        projectId: created.id,
        createdBy: people.owner.id,
      });
      return tx
        .insert(file)
        .values([values('ready', 'ready'), values('pending', 'pending')])
        .returning();
    }),
    addMember(testDb.app, { workspace: ws, user: target, role: 'viewer' }),
    createWorkspace(testDb.app).then((other) =>
      addMember(testDb.app, { workspace: other, user: { id: people.outsider.id } as never, role: 'owner' }),
    ),
  ]);
  return {
    slug: ws.slug,
    workspaceId: ws.id,
    projectId: created.id,
    projectName,
    invitationId: invite.id,
    targetUserId: target.id,
    apiKeyId: key.id,
    webhookEndpointId: endpoint.id,
    webhookDeliveryId: delivery.id,
    fileId: readyFile!.id,
    pendingFileId: pendingFile!.id,
  };
}
