import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { encodeId } from '@plinth/api';
import { appDatabaseUrl, type Env } from '@plinth/core/env';

// The baseline of bench/projects.ts, run by target-server.ts (target `raw-projects`): GET
// /api/v1/workspaces/:slug/projects with nothing but node:http and a pg.Pool around the same
// statements our route sends, in the same order, over the same number of round trips:
//   1. the session lookup: the same text and statement name as packages/core/src/identity/
//      read-session.ts, after the same HMAC check of the cookie's signature;
//   2. the membership lookup: the text drizzle generates for resolveMembership();
//   3. `begin; select set_config(…), set_config(…), set_config(…)` as one simple-protocol message,
//      as withTenant() sends it;
//   4. the projects select: the text drizzle generates for listProjects() (limit + 1 rows);
//   5. commit.
// The answer has the same JSON shape, `{ items, next_cursor, has_more }` with the same public ids
// (encodeId, as the API's edge does). No cursor, no other route.

const SESSION_COOKIES = ['plinth.session_token', '__Secure-plinth.session_token'];

// Copied from read-session.ts: same name, same text (a named prepared statement on each connection).
const sessionQuery = {
  name: 'plinth_read_session',
  text: `select s.id as session_id, s.user_id, u.email, u.email_verified, s.created_at, s.impersonated_by
         from session s join "user" u on u.id = s.user_id
         where s.token = $1 and s.expires_at > now() and not u.banned and u.deleted_at is null`,
};

// What drizzle sends for resolveMembership() and listProjects() (read from `.toSQL()`), unnamed.
// Named (prepared) statements, like the API's hot queries: a fair baseline parses once too.
const membershipText =
  'select "workspace"."id", "workspace"."name", "workspace"."slug", "workspace"."created_at", "member"."role" ' +
  'from "member" inner join "workspace" on "workspace"."id" = "member"."workspace_id" ' +
  'where ("workspace"."slug" = $1 and "member"."user_id" = $2 and "workspace"."deleted_at" is null) limit $3';
const projectsText =
  'select "id", "name", "description", "created_by", "created_at", "updated_at" from "project" ' +
  'where ("project"."workspace_id" = $1 and "project"."deleted_at" is null) order by "project"."id" desc limit $2';

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
  for (const key of search.keys()) if (key !== 'limit') throw new HttpError(400, 'validation_failed');
  const raw = search.get('limit');
  if (raw === null) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new HttpError(400, 'validation_failed');
  return limit;
}

async function listProjects(pool: pg.Pool, secret: string, req: IncomingMessage) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const match = req.method === 'GET' ? ROUTE.exec(url.pathname) : null;
  if (!match) throw new HttpError(404, 'not_found');
  const slug = match[1] ?? '';
  const limit = parseLimit(url.searchParams);

  // 1. The session.
  const token = signedToken(req.headers.cookie, secret);
  if (!token) throw new HttpError(401, 'unauthenticated');
  const session = await pool.query<{ user_id: string }>({ ...sessionQuery, values: [token] });
  const userId = session.rows[0]?.user_id;
  if (!userId) throw new HttpError(401, 'unauthenticated');

  // 2. The membership (every role may read projects).
  const membership = await pool.query<{ id: string; role: string }>({
    name: 'raw_membership',
    text: membershipText,
    values: [slug, userId, 1],
  });
  const workspaceId = membership.rows[0]?.id;
  if (!workspaceId) throw new HttpError(404, 'not_found');

  // 3–5. The tenant transaction, with withTenant()'s error handling.
  const client = await pool.connect();
  // Set when the connection can no longer be trusted; release(error) then destroys it.
  let unusable: Error | undefined;
  try {
    try {
      await client.query(
        `begin; select set_config('app.workspace_id', ${client.escapeLiteral(workspaceId)}, true), ` +
          `set_config('app.actor_type', 'user', true), ` +
          `set_config('app.actor_id', ${client.escapeLiteral(userId)}, true)`,
      );
    } catch (error) {
      unusable = error as Error;
      throw error;
    }
    try {
      const { rows } = await client.query<ProjectRow>({
        name: 'raw_projects',
        text: projectsText,
        values: [workspaceId, limit + 1],
      });
      await client.query('commit');
      const items = rows.slice(0, limit).map((row) => ({
        id: encodeId('proj', row.id),
        name: row.name,
        description: row.description,
        created_by: encodeId('user', row.created_by),
        created_at: row.created_at.toISOString(),
        updated_at: row.updated_at.toISOString(),
      }));
      const more = rows.length > limit;
      return { items, next_cursor: more ? (items[items.length - 1]?.id ?? null) : null, has_more: more };
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

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startRawProjectsServer(
  env: Env,
  ownerUrl: string,
): Promise<{ port: number; stop(): Promise<void> }> {
  const pool = new pg.Pool({
    connectionString: appDatabaseUrl(env, ownerUrl),
    max: env.databasePoolMax,
    application_name: 'plinth-bench-raw-projects',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => {});
  const secret = env.auth.secret;
  const server = createServer((req, res) => {
    listProjects(pool, secret, req).then(
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
