import { z } from 'zod';
import type { Actor } from '../actor/index';
import { parseInput } from '../errors/index';
import { assertStaff, type StaffDeps } from './staff';

export const searchWorkspacesInput = z.strictObject({
  /** A name, a slug, a member's email, or a Stripe customer id (`cus_…`); empty: the newest. */
  q: z.string().trim().max(200, 'At most 200 characters.').default(''),
  /** The last id of the previous page (ids are uuid v7, so newest first is id order). */
  cursor: z.uuid('Invalid cursor.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type SearchWorkspacesInput = z.input<typeof searchWorkspacesInput>;

export interface WorkspaceHit {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
  deletedAt: Date | null;
  suspendedAt: Date | null;
  customerId: string | null;
  members: number;
}

interface HitRow {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
  deleted_at: Date | null;
  suspended_at: Date | null;
  customer_id: string | null;
  members: number;
}

/** `%`, `_` and `\` typed by staff are literal characters, not LIKE wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
}

// One statement, bounded by the page size: a workspace matches by name or slug (substring, any
// case), by the exact Stripe customer id, or by a member whose email contains the text. Newest
// first by id (uuid v7), keyset-paginated. The email test is an EXISTS per candidate workspace, so
// a popular address does not multiply rows.
const searchQuery = `
  select w.id, w.name, w.slug, w.created_at, w.deleted_at, w.suspended_at, c.id as customer_id,
         (select count(*)::int from member m where m.workspace_id = w.id) as members
  from workspace w
  left join customer c on c.workspace_id = w.id
  where ($1 = '' or w.name ilike $2 or w.slug ilike $2 or c.id = $1
         or exists (select 1 from member m join "user" u on u.id = m.user_id
                    where m.workspace_id = w.id and u.email ilike $2))
    and ($3::uuid is null or w.id < $3::uuid)
  order by w.id desc
  limit $4`;

/** Workspaces matching the text, newest first, a page at a time. Staff only. */
export async function searchWorkspaces(
  deps: StaffDeps,
  actor: Actor,
  input: SearchWorkspacesInput = {},
): Promise<{ items: WorkspaceHit[]; nextCursor: string | null }> {
  await assertStaff(deps.database, actor);
  const { q, cursor, limit } = parseInput(searchWorkspacesInput, input);
  const { rows } = await deps.database.pool.query<HitRow>(searchQuery, [
    q,
    likePattern(q),
    cursor ?? null,
    limit + 1,
  ]);
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
    suspendedAt: row.suspended_at,
    customerId: row.customer_id,
    members: row.members,
  }));
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
