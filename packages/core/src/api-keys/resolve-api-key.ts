import type { Database, MemberRole } from '@plinth/db';
import { permissionTable, type Permission } from '../access/index';
import type { MemberActor, WorkspaceSummary } from '../tenancy/index';
import { apiKeyScopes } from './schemas';
import { hashApiKeySecret, isWellFormedApiKey } from './secret';

/** Who a presented key is: its workspace, and what it may do there today. */
export interface ResolvedApiKey {
  keyId: string;
  workspaceId: string;
  workspaceSlug: string;
  /** The stored scopes narrowed to what the creator's current role holds. */
  scopes: Permission[];
  createdBy: string;
  /** The creator's current role: the ceiling for rank rules. */
  role: MemberRole;
  /** When the key stops working; null when it lasts until revoked. */
  expiresAt: Date | null;
  workspace: WorkspaceSummary;
  /** Its workspace is suspended by staff: the key is live, but every request is 403 workspace_suspended. */
  suspended: boolean;
  /** The actor core services take, for this key inside its workspace. */
  actor: MemberActor;
}

interface KeyRow {
  key_id: string;
  workspace_id: string;
  scopes: string[];
  created_by: string;
  expires_at: Date | null;
  role: MemberRole;
  slug: string;
  name: string;
  created_at: Date;
  suspended: boolean;
}

// The whole authentication and tenant step of a key request in one indexed, prepared query: the
// key by hash, live (not revoked, not expired), its workspace live, its creator still a member of
// it and not banned or deleted. Every refusal is a missing row, so each costs the same work. The
// workspace's suspension rides along in the select list (a live key of a suspended workspace is a
// 403, not a 401: the key is fine, its workspace is not).
const keyQuery = {
  name: 'plinth_resolve_api_key',
  text: `select k.id as key_id, k.workspace_id, k.scopes, k.created_by, k.expires_at, m.role, w.slug, w.name, w.created_at,
           w.suspended_at is not null as suspended
         from api_key k
         join workspace w on w.id = k.workspace_id
         join member m on m.workspace_id = k.workspace_id and m.user_id = k.created_by
         join "user" u on u.id = k.created_by
         where k.secret_hash = $1 and k.revoked_at is null
           and (k.expires_at is null or k.expires_at > now())
           and w.deleted_at is null and not u.banned and u.deleted_at is null`,
};

const grantable = new Set<string>(apiKeyScopes);

/**
 * The key presented with a request, or null for anything that is not a live key: malformed,
 * unknown, revoked, expired, of a deleted workspace, or whose creator has left it. The key's
 * permissions are its scopes intersected with its creator's current role, so demoting the
 * creator narrows the key at once.
 */
export async function resolveApiKey(database: Database, rawKey: string): Promise<ResolvedApiKey | null> {
  if (!isWellFormedApiKey(rawKey)) return null;
  const { rows } = await database.pool.query<KeyRow>({ ...keyQuery, values: [hashApiKeySecret(rawKey)] });
  const row = rows[0];
  if (!row) return null;
  const scopes = row.scopes.filter(
    (scope): scope is Permission =>
      grantable.has(scope) && (permissionTable[scope as Permission] as readonly string[]).includes(row.role),
  );
  return {
    keyId: row.key_id,
    workspaceId: row.workspace_id,
    workspaceSlug: row.slug,
    scopes,
    createdBy: row.created_by,
    role: row.role,
    expiresAt: row.expires_at,
    suspended: row.suspended,
    workspace: {
      id: row.workspace_id,
      name: row.name,
      slug: row.slug,
      role: row.role,
      createdAt: row.created_at,
    },
    actor: {
      type: 'api_key',
      id: row.key_id,
      workspaceId: row.workspace_id,
      role: row.role,
      permissions: scopes,
      createdBy: row.created_by,
      expiresAt: row.expires_at,
    },
  };
}
