import { z } from '@hono/zod-openapi';
import { SEARCH_QUERY_MAX, searchWorkspace, type SearchHit } from '@plinth/core/search';
import type { Database } from '@plinth/db';
import { addRoute, defineRoute, encodeId, jsonContent, type V1App, type V1Chain } from '../openapi/index';
import { slugParams } from './workspaces';

const searchResult = z
  .object({
    type: z.enum(['project', 'member']),
    id: z.string().openapi({
      description: "The project's id (`proj_…`) or the member's user id (`user_…`).",
      example: 'proj_01J9ZQ3R5X8Y2W4V6T0S1R3P5N',
    }),
    name: z.string(),
    detail: z.string().nullable().openapi({ description: "A project's description, a member's email." }),
    score: z.number().openapi({ description: 'Rank within this response: higher is better.' }),
  })
  .openapi('SearchResult');

const toResult = (hit: SearchHit) => ({
  type: hit.type,
  id: encodeId(hit.type === 'project' ? 'proj' : 'user', hit.id),
  name: hit.name,
  detail: hit.detail,
  score: hit.score,
});

const searchRoute = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/search',
  operationId: 'searchWorkspace',
  summary: 'Search a workspace',
  description:
    'Projects (name, description) and members (name, email) of the workspace, best match first: ' +
    'whole words and word prefixes, and typos of a word in a name. Each kind needs its read ' +
    'permission; an API key without `member.read` gets projects only.',
  tags: ['Search'],
  request: {
    params: slugParams,
    query: z.strictObject({
      q: z
        .string()
        .min(1)
        .max(SEARCH_QUERY_MAX)
        .openapi({ description: `What to look for, 1–${SEARCH_QUERY_MAX} characters.`, example: 'launch' }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(50)
        .default(10)
        .openapi({ description: 'Results, 1–50.', example: 10 }),
    }),
  },
  responses: {
    200: jsonContent(
      'The best matches.',
      z.object({ items: z.array(searchResult) }).openapi('SearchResults'),
    ),
  },
});

/** /api/v1/workspaces/{slug}/search: the same core call as the ⌘K palette. */
export function searchRoutes(app: V1App, chain: V1Chain, deps: { database: Database }): void {
  addRoute(app, chain, searchRoute, async (c) => {
    const { q, limit } = c.req.valid('query');
    const hits = await searchWorkspace(deps, c.get('member'), { q, limit });
    return c.json({ items: hits.map(toResult) }, 200);
  });
}
