import { readInTenant, type Database } from '@plinth/db';
import { can } from '../access/index';
import { parseInput } from '../errors/index';
import type { MemberActor } from '../tenancy/index';
import { searchInput, type SearchInput } from './schemas';

/** One hit: a project (name, description) or a member (name, email), with its rank. */
export interface SearchHit {
  type: 'project' | 'member';
  /** The project's id, or the member's user id. */
  id: string;
  name: string;
  /** The project's description or the member's email. */
  detail: string | null;
  /** Higher is better; comparable within one response only. */
  score: number;
}

/**
 * How similar a word of the text must be to the query for a typo match (pg_trgm's
 * word_similarity, 0..1). The default 0.6 misses one missing letter in a 6-letter word ("webite"
 * for "website", 0.5) and a swapped pair ("platfrom", 0.56); 0.5 finds them without letting short
 * queries match everything. A swap in the middle of a word ("webiste", 0.375) stays out of reach:
 * trigrams cannot see it. Set per transaction.
 */
export const TYPO_THRESHOLD = '0.5';

/**
 * The query's words as a prefix tsquery: `mar plat` → `mar:* & plat:*`. Only letters and digits
 * survive, so nothing the person types can reach to_tsquery's own syntax.
 */
export function prefixQuery(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = [...new Set(words)].slice(0, 8);
  // A word of one or two characters matches whole words only: as a prefix ("4:*") it would expand
  // to thousands of lexemes in the index. The typo arm still finds names that start with it.
  return unique.length === 0
    ? null
    : unique.map((word) => (word.length >= PREFIX_MIN ? `${word}:*` : word)).join(' & ');
}

/** Shortest word used as a prefix. */
const PREFIX_MIN = 3;

/**
 * At most this many rows of each arm are ranked. A query that matches more (two letters in a big
 * workspace) ranks the first CANDIDATES the index yields, which keeps its cost bounded; each letter
 * typed narrows it (docs/decisions/0035).
 */
export const CANDIDATES = 200;

interface HitRow {
  type: 'project' | 'member';
  id: string;
  name: string;
  detail: string | null;
  score: number;
}

/**
 * Full-text search over the actor's workspace: projects (the generated `search` tsvector for
 * whole words and prefixes; pg_trgm's word similarity on the name for typos, when the words found
 * too few) and members (name and email, the same two ways), ranked, best first: word matches above
 * typo matches, a name above a description (docs/decisions/0035). One statement in the tenant
 * transaction (readInTenant): projects are under row-level security like every tenant read; the
 * member table is not (memberships are read before a tenant is chosen), so its arm filters on the
 * workspace explicitly. A kind the actor may not read (an API key without `member.read`) is left
 * out, not refused.
 */
export async function searchWorkspace(
  deps: { database: Database },
  actor: MemberActor,
  input: SearchInput,
): Promise<SearchHit[]> {
  const { q, limit } = parseInput(searchInput, input);
  const tsquery = prefixQuery(q);
  const projects = can(actor, 'project.read');
  const members = can(actor, 'member.read');
  if (!projects && !members) return [];
  const needle = q.toLowerCase();
  const rows = await readInTenant<HitRow>(
    deps.database,
    actor.workspaceId,
    actor,
    (literal) => {
      const ws = literal(actor.workspaceId);
      const text = literal(needle);
      const matches = tsquery === null ? 'false' : `p.search @@ to_tsquery('simple', ${literal(tsquery)})`;
      const rank = tsquery === null ? '0' : `ts_rank_cd(p.search, to_tsquery('simple', ${literal(tsquery)}))`;
      const personMatches =
        tsquery === null
          ? 'false'
          : `to_tsvector('simple', u.name || ' ' || u.email) @@ to_tsquery('simple', ${literal(tsquery)})`;
      const arms: string[] = [];
      if (projects) {
        // Whole words and prefixes first, at most CANDIDATES of them; the typo arm runs only when
        // those found fewer than `limit` (a one-time filter: otherwise Postgres never scans for it).
        arms.push(
          `(with words as (
              select p.id, p.name, p.description, ${rank} as rank from project p
              where p.workspace_id = ${ws} and p.deleted_at is null and ${matches}
              limit ${literal(CANDIDATES)}),
            typos as (
              select p.id, p.name, p.description from project p
              where (select count(*) from words) < ${literal(limit)}
                and p.workspace_id = ${ws} and p.deleted_at is null and ${text} <% p.name
                and not (${matches})
              limit ${literal(CANDIDATES)})
            select 'project' as type, id, name, description as detail,
              (1 + rank + word_similarity(${text}, name))::float8 as score from words
            union all
            select 'project', id, name, description, word_similarity(${text}, name)::float8 from typos
            order by score desc, id desc limit ${literal(limit)})`,
        );
      }
      if (members) {
        arms.push(
          `(select 'member' as type, u.id, u.name, u.email as detail,
              (case when ${personMatches} then 1 else 0 end
                + greatest(word_similarity(${text}, u.name), word_similarity(${text}, u.email)))::float8 as score
            from member m join "user" u on u.id = m.user_id
            where m.workspace_id = ${ws} and u.deleted_at is null
              and (${personMatches} or ${text} <% u.name or ${text} <% u.email)
            order by score desc, u.id desc limit ${literal(limit)})`,
        );
      }
      return `select * from (${arms.join(' union all ')}) hits order by score desc, type, id desc limit ${literal(limit)}`;
    },
    { 'pg_trgm.word_similarity_threshold': TYPO_THRESHOLD },
  );
  return rows.map((row) => ({ ...row, score: Number(row.score) }));
}
