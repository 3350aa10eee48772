import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { apiKey, withTenant, type ApiKey, type Database } from '@plinth/db';
import { assertCan, can, type Permission } from '../access/index';
import { actingUserId } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { AppError, parseInput } from '../errors/index';
import { assertRankCovers, type MemberActor } from '../tenancy/index';
import {
  apiKeyId,
  createApiKeyInput,
  listApiKeysInput,
  type CreateApiKeyInput,
  type ListApiKeysInput,
} from './schemas';
import { displayPrefix, generateApiKeySecret, hashApiKeySecret } from './secret';

/** A key as lists show it: never the secret nor its hash. */
export type ApiKeyView = Pick<
  ApiKey,
  | 'id'
  | 'name'
  | 'prefix'
  | 'createdBy'
  | 'createdAt'
  | 'expiresAt'
  | 'revokedAt'
  | 'lastUsedAt'
  | 'lastUsedIp'
> & { scopes: Permission[] };

const view = {
  id: apiKey.id,
  name: apiKey.name,
  prefix: apiKey.prefix,
  scopes: apiKey.scopes,
  createdBy: apiKey.createdBy,
  createdAt: apiKey.createdAt,
  expiresAt: apiKey.expiresAt,
  revokedAt: apiKey.revokedAt,
  lastUsedAt: apiKey.lastUsedAt,
  lastUsedIp: apiKey.lastUsedIp,
};

/**
 * Mints a key for the actor's workspace. Every scope must be one the actor holds right now — an
 * admin cannot mint an owner-only scope, and a key (scoped `api_key.manage`) cannot mint a key
 * beyond its own scopes, nor one that outlives it (a key-minted key must expire, no later than its
 * parent). The new key answers to the person behind the actor. The secret is in this return value
 * only; the table keeps its SHA-256.
 */
export async function createApiKey(
  deps: { database: Database },
  actor: MemberActor,
  input: CreateApiKeyInput,
  origin: AuditOrigin = {},
): Promise<{ key: ApiKeyView; secret: string }> {
  assertCan(actor, 'api_key.manage');
  // A key outlives the impersonation that made it: it would be a permanent way back in.
  if (actor.impersonatorId) {
    throw new AppError('forbidden', 'Staff cannot create API keys while impersonating someone.');
  }
  const { name, scopes, expiresAt } = parseInput(createApiKeyInput, input);
  const beyond = scopes.filter((scope) => !can(actor, scope));
  if (beyond.length > 0) {
    throw new AppError('forbidden', `You cannot grant ${beyond.join(', ')}.`, {
      fields: { scopes: `Beyond your own permissions: ${beyond.join(', ')}.` },
    });
  }
  if (actor.type === 'api_key') assertWithinParentExpiry(actor, expiresAt ?? null);
  const secret = generateApiKeySecret();
  return withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const [created] = await tx
      .insert(apiKey)
      .values({
        workspaceId: actor.workspaceId,
        name,
        prefix: displayPrefix(secret),
        secretHash: hashApiKeySecret(secret),
        scopes,
        createdBy: actingUserId(actor),
        expiresAt: expiresAt ?? null,
      })
      .returning(view);
    await audit(
      tx,
      actor,
      {
        action: 'api_key.created',
        target: { type: 'api_key', id: created!.id, name },
        metadata: { name, scopes, expiresAt: expiresAt?.toISOString() ?? null },
      },
      origin,
    );
    return { key: created as ApiKeyView, secret };
  });
}

/**
 * A key minting a key: the child must expire, and no later than the parent. Otherwise a short-lived
 * key scoped `api_key.manage` (or a leaked one, before its revocation) could leave behind a key
 * that outlives it.
 */
function assertWithinParentExpiry(actor: MemberActor, expiresAt: Date | null): void {
  const parentExpiry = actor.expiresAt ?? null;
  if (!expiresAt) {
    throw new AppError('invalid_input', 'A key created by an API key must have an expiry.', {
      fields: {
        expiresAt: parentExpiry
          ? `Required: at most ${parentExpiry.toISOString()}, when this key expires.`
          : 'Required when an API key creates a key.',
      },
    });
  }
  if (parentExpiry && expiresAt.getTime() > parentExpiry.getTime()) {
    throw new AppError('forbidden', 'A key cannot create a key that outlives it.', {
      fields: { expiresAt: `At most ${parentExpiry.toISOString()}, when this key expires.` },
    });
  }
}

/** The workspace's keys, newest first (revoked ones too: the list is also their history). */
export async function listApiKeys(
  deps: { database: Database },
  actor: MemberActor,
  input: ListApiKeysInput = {},
): Promise<{ items: ApiKeyView[]; nextCursor: string | null }> {
  assertCan(actor, 'api_key.read');
  const { limit, cursor } = parseInput(listApiKeysInput, input);
  const rows = await deps.database.db
    .select(view)
    .from(apiKey)
    .where(and(eq(apiKey.workspaceId, actor.workspaceId), cursor ? lt(apiKey.id, cursor) : undefined))
    .orderBy(desc(apiKey.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit) as ApiKeyView[];
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

/**
 * Revokes a key of the actor's workspace: it stops working on the next request (the lookup
 * refuses revoked keys). The member rank rule applies — nobody revokes the key of someone above
 * them (an admin cannot cut off an owner's automation), judged by both roles as of now. Revoking a
 * revoked key changes nothing; a key of another workspace, or none, is not_found.
 */
export async function revokeApiKey(
  deps: { database: Database },
  actor: MemberActor,
  id: string,
  origin: AuditOrigin = {},
): Promise<void> {
  assertCan(actor, 'api_key.manage');
  const keyId = parseInput(apiKeyId, id);
  await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const mine = and(eq(apiKey.workspaceId, actor.workspaceId), eq(apiKey.id, keyId));
    const [found] = await tx
      .select({ createdBy: apiKey.createdBy, revokedAt: apiKey.revokedAt })
      .from(apiKey)
      .where(mine)
      .for('update');
    if (!found) throw new AppError('not_found', 'No such API key.');
    await assertRankCovers(
      tx,
      actor,
      'api_key.manage',
      found.createdBy,
      'You cannot revoke the API key of someone above you.',
    );
    if (found.revokedAt) return;
    const [revoked] = await tx
      .update(apiKey)
      .set({ revokedAt: new Date() })
      .where(and(mine, isNull(apiKey.revokedAt)))
      .returning({ name: apiKey.name });
    await audit(
      tx,
      actor,
      {
        action: 'api_key.revoked',
        target: { type: 'api_key', id: keyId, name: revoked!.name },
        metadata: { name: revoked!.name },
      },
      origin,
    );
  });
}
