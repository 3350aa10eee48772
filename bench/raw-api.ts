import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { appDatabaseUrl, type Env } from '@plinth/core/env';

// The baseline of bench/api.ts, run by target-server.ts (target `raw-api`): GET
// /api/v1/workspaces/:slug/projects with nothing but node:http and a pg.Pool around the same
// statements our API sends, in the same order, with the same safety, and the same JSON bytes out.
//
// API key (`Authorization: Bearer plk_…`): the SHA-256 of the secret, then
//   1. the key lookup — the same text and statement name as packages/core/src/api-keys/
//      resolve-api-key.ts (live key, live workspace, creator still a member and not banned), and the
//      scope check (`project.read`) and that the key's workspace is the one in the URL;
// Session cookie: the same HMAC check of the cookie's signature, then
//   1. the session lookup (read-session.ts's statement), 2. the membership lookup (membership.ts's);
// then, for both,
//   3. `begin; select set_config(…) ×3` as one simple-protocol message, as withTenant() sends it;
//   4. the projects select (list-projects-query.ts's statement, limit + 1 rows);
//   5. commit;
// and the same response body: `{ items, next_cursor, has_more }` with TypeID-style public ids
// (`proj_…`, `user_…`) and ISO timestamps. No cursor, no other route, no rate limits, no headers
// beyond content-type.
//
// `oneRoundTrip` (target `raw-api-one`, issue 18's harder baseline): the same checks folded into ONE
// simple-protocol message per request — `begin; <the key or session + membership lookup, whose
// select list calls set_config(…, true) for the row it finds>; <the projects select, filtered by the
// workspace those settings name, under the same forced RLS>; commit` — so a request costs one round
// trip instead of four (key) or five (session). A lookup that finds nothing sets nothing, and the
// projects select then sees no row at all (the policy compares with an unset setting); a lookup
// that finds the person but no membership (or a key of another workspace, or without the scope)
// sets an empty workspace, with the same effect. The values are escaped literals (the simple
// protocol takes no parameters), so Postgres parses and plans the statements on every request,
// which is this fold's price.

const SESSION_COOKIES = ['plinth.session_token', '__Secure-plinth.session_token'];
const API_KEY = /^plk_[0-9A-Za-z]{43}$/;
const BEARER = /^Bearer +(\S+) *$/i;

const sessionQuery = {
  name: 'plinth_read_session',
  text: `select s.id as session_id, s.user_id, u.email, u.email_verified, s.created_at, s.impersonated_by
         from session s join "user" u on u.id = s.user_id
         where s.token = $1 and s.expires_at > now() and not u.banned and u.deleted_at is null`,
};

const keyQuery = {
  name: 'plinth_resolve_api_key',
  text: `select k.id as key_id, k.workspace_id, k.scopes, k.created_by, m.role, w.slug, w.name, w.created_at
         from api_key k
         join workspace w on w.id = k.workspace_id
         join member m on m.workspace_id = k.workspace_id and m.user_id = k.created_by
         join "user" u on u.id = k.created_by
         where k.secret_hash = $1 and k.revoked_at is null
           and (k.expires_at is null or k.expires_at > now())
           and w.deleted_at is null and not u.banned and u.deleted_at is null`,
};

// What drizzle sends for resolveMembership() (read from `.toSQL()`), as a named statement.
const membershipText =
  'select "workspace"."id", "workspace"."name", "workspace"."slug", "workspace"."created_at", "member"."role" ' +
  'from "member" inner join "workspace" on "workspace"."id" = "member"."workspace_id" ' +
  'where ("workspace"."slug" = $1 and "member"."user_id" = $2 and "workspace"."deleted_at" is null) limit $3';

const projectsQuery = {
  name: 'plinth_list_projects',
  text:
    'select id, name, description, created_by, created_at, updated_at from project ' +
    'where workspace_id = $1 and deleted_at is null order by id desc limit $2',
};

const ROUTE = /^\/api\/v1\/workspaces\/([a-z0-9-]{3,40})\/projects$/;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

interface ProjectRow {
  id: string;
  name: string;
  description: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

// TypeID's encoding: the uuid's 128 bits, after two zero bits, as 26 Crockford base32 characters.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
function publicId(prefix: string, uuid: string): string {
  let out = `${prefix}_`;
  let acc = 0;
  let bits = 2;
  for (let index = 0; index < uuid.length; index++) {
    const code = uuid.charCodeAt(index);
    if (code === 45) continue; // '-'
    acc = ((acc << 4) | (code <= 57 ? code - 48 : (code | 32) - 87)) & 0x1ff;
    bits += 4;
    if (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
  }
  return out;
}

/** The session token from a `token.signature` cookie whose HMAC-SHA256 signature is ours. */
function signedToken(cookieHeader: string | undefined, secret: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || !SESSION_COOKIES.includes(part.slice(0, index).trim())) continue;
    let value: string;
    try {
      value = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      return null;
    }
    const dot = value.lastIndexOf('.');
    if (dot < 1) return null;
    const token = value.slice(0, dot);
    const signature = Buffer.from(value.slice(dot + 1), 'base64');
    const expected = createHmac('sha256', secret).update(token).digest();
    return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
  }
  return null;
}

function parseLimit(search: URLSearchParams): number {
  for (const key of search.keys()) if (key !== 'limit') throw new HttpError(400, 'invalid_input');
  const raw = search.get('limit');
  if (raw === null) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new HttpError(400, 'invalid_input');
  return limit;
}

/** Auth and tenant: the workspace id and the actor, from the key or from session + membership. */
async function resolveTenant(
  pool: pg.Pool,
  secret: string,
  req: IncomingMessage,
  slug: string,
): Promise<{ workspaceId: string; actorType: string; actorId: string }> {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const token = BEARER.exec(authorization)?.[1];
    if (!token || !API_KEY.test(token)) throw new HttpError(401, 'unauthenticated');
    const hash = createHash('sha256').update(token).digest('hex');
    const { rows } = await pool.query<{
      key_id: string;
      workspace_id: string;
      slug: string;
      scopes: string[];
    }>({ ...keyQuery, values: [hash] });
    const key = rows[0];
    if (!key) throw new HttpError(401, 'unauthenticated');
    // Every role may read projects; the key must hold the scope and belong to this workspace.
    if (key.slug !== slug) throw new HttpError(404, 'not_found');
    if (!key.scopes.includes('project.read')) throw new HttpError(403, 'forbidden');
    return { workspaceId: key.workspace_id, actorType: 'api_key', actorId: key.key_id };
  }
  const token = signedToken(req.headers.cookie, secret);
  if (!token) throw new HttpError(401, 'unauthenticated');
  const session = await pool.query<{ user_id: string }>({ ...sessionQuery, values: [token] });
  const userId = session.rows[0]?.user_id;
  if (!userId) throw new HttpError(401, 'unauthenticated');
  const membership = await pool.query<{ id: string }>({
    name: 'plinth_resolve_membership',
    text: membershipText,
    values: [slug, userId, 1],
  });
  const workspaceId = membership.rows[0]?.id;
  if (!workspaceId) throw new HttpError(404, 'not_found');
  return { workspaceId, actorType: 'user', actorId: userId };
}

async function listProjects(pool: pg.Pool, secret: string, req: IncomingMessage) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const match = req.method === 'GET' ? ROUTE.exec(url.pathname) : null;
  if (!match) throw new HttpError(404, 'not_found');
  const slug = match[1] ?? '';
  const limit = parseLimit(url.searchParams);
  const { workspaceId, actorType, actorId } = await resolveTenant(pool, secret, req, slug);

  // The tenant transaction, with withTenant()'s error handling.
  const client = await pool.connect();
  // Set when the connection can no longer be trusted; release(error) then destroys it.
  let unusable: Error | undefined;
  try {
    try {
      await client.query(
        `begin; select set_config('app.workspace_id', ${client.escapeLiteral(workspaceId)}, true), ` +
          `set_config('app.actor_type', ${client.escapeLiteral(actorType)}, true), ` +
          `set_config('app.actor_id', ${client.escapeLiteral(actorId)}, true)`,
      );
    } catch (error) {
      unusable = error as Error;
      throw error;
    }
    try {
      const { rows } = await client.query<ProjectRow>({ ...projectsQuery, values: [workspaceId, limit + 1] });
      await client.query('commit');
      return pageOf(rows, limit);
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => {
        unusable = rollbackError;
      });
      throw error;
    }
  } finally {
    client.release(unusable);
  }
}

/** The row the folded lookup answers: who, and whether they may read this workspace's projects. */
interface FoldedAuthRow {
  actor_id: string;
  /** Empty when the credential is good but does not open this workspace (404), or lacks the scope (403). */
  workspace_id: string;
  refusal: 'not_found' | 'forbidden' | null;
}

const foldedProjects = (limit: number) =>
  'select id, name, description, created_by, created_at, updated_at from project ' +
  "where workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid and deleted_at is null " +
  `order by id desc limit ${limit + 1}`;

/**
 * The lookup statement of the folded request: the key (by hash) or the session (by token) and its
 * membership of `slug`, with the three transaction-local settings made in its select list, so they
 * exist only when, and exactly as, the row says.
 */
function foldedLookup(client: pg.PoolClient, req: IncomingMessage, secret: string, slug: string): string {
  const literal = (value: string) => client.escapeLiteral(value);
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const token = BEARER.exec(authorization)?.[1];
    if (!token || !API_KEY.test(token)) throw new HttpError(401, 'unauthenticated');
    const hash = createHash('sha256').update(token).digest('hex');
    // The key query's joins and filters (keyQuery), plus the slug and scope checks in SQL.
    return `select k.id as actor_id, w.id::text as workspace_id,
         case when w.slug <> ${literal(slug)} then 'not_found'
              when not ('project.read' = any(k.scopes)) then 'forbidden' end as refusal,
         set_config('app.workspace_id',
           case when w.slug = ${literal(slug)} and 'project.read' = any(k.scopes) then w.id::text else '' end, true),
         set_config('app.actor_type', 'api_key', true), set_config('app.actor_id', k.id::text, true)
       from api_key k
       join workspace w on w.id = k.workspace_id
       join member m on m.workspace_id = k.workspace_id and m.user_id = k.created_by
       join "user" u on u.id = k.created_by
       where k.secret_hash = ${literal(hash)} and k.revoked_at is null
         and (k.expires_at is null or k.expires_at > now())
         and w.deleted_at is null and not u.banned and u.deleted_at is null`;
  }
  const token = signedToken(req.headers.cookie, secret);
  if (!token) throw new HttpError(401, 'unauthenticated');
  // sessionQuery's joins and filters, and membershipText's, as one statement.
  return `select s.user_id as actor_id, coalesce(w.id::text, '') as workspace_id,
       case when w.id is null then 'not_found' end as refusal,
       set_config('app.workspace_id', coalesce(w.id::text, ''), true),
       set_config('app.actor_type', 'user', true), set_config('app.actor_id', s.user_id::text, true)
     from session s join "user" u on u.id = s.user_id
     left join (member m join workspace w on w.id = m.workspace_id and w.slug = ${literal(slug)} and w.deleted_at is null)
       on m.user_id = s.user_id
     where s.token = ${literal(token)} and s.expires_at > now() and not u.banned and u.deleted_at is null`;
}

/** The folded request: one message, one round trip (a rollback follows only an error). */
async function listProjectsOneRoundTrip(pool: pg.Pool, secret: string, req: IncomingMessage) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const match = req.method === 'GET' ? ROUTE.exec(url.pathname) : null;
  if (!match) throw new HttpError(404, 'not_found');
  const slug = match[1] ?? '';
  const limit = parseLimit(url.searchParams);
  const client = await pool.connect();
  let unusable: Error | undefined;
  let results: pg.QueryResult[];
  try {
    const text = `begin; ${foldedLookup(client, req, secret, slug)}; ${foldedProjects(limit)}; commit`;
    try {
      results = (await client.query(text)) as unknown as pg.QueryResult[];
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => {
        unusable = rollbackError;
      });
      throw error;
    }
  } finally {
    client.release(unusable);
  }
  const auth = results[1]?.rows[0] as FoldedAuthRow | undefined;
  if (!auth) throw new HttpError(401, 'unauthenticated');
  if (auth.refusal) throw new HttpError(auth.refusal === 'forbidden' ? 403 : 404, auth.refusal);
  const rows = (results[2]?.rows ?? []) as ProjectRow[];
  return pageOf(rows, limit);
}

function pageOf(rows: ProjectRow[], limit: number) {
  const page = rows.slice(0, limit);
  const more = rows.length > limit;
  return {
    items: page.map((row) => ({
      id: publicId('proj', row.id),
      name: row.name,
      description: row.description,
      created_by: publicId('user', row.created_by),
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
    })),
    next_cursor: more ? publicId('proj', page[page.length - 1]!.id) : null,
    has_more: more,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startRawApiServer(
  env: Env,
  ownerUrl: string,
  options: { oneRoundTrip?: boolean } = {},
): Promise<{ port: number; stop(): Promise<void> }> {
  const pool = new pg.Pool({
    connectionString: appDatabaseUrl(env, ownerUrl),
    max: env.databasePoolMax,
    application_name: options.oneRoundTrip ? 'plinth-bench-raw-api-one' : 'plinth-bench-raw-api',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => {});
  const secret = env.auth.secret;
  const handle = options.oneRoundTrip ? listProjectsOneRoundTrip : listProjects;
  const server = createServer((req, res) => {
    handle(pool, secret, req).then(
      (body) => send(res, 200, body),
      (error: unknown) =>
        error instanceof HttpError
          ? send(res, error.status, { error: { code: error.code } })
          : send(res, 500, { error: { code: 'internal' } }),
    );
  });
  // The same socket limits as startPlinth sets on ours.
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, env.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await pool.end();
    },
  };
}
