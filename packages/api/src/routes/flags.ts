import { z } from '@hono/zod-openapi';
import {
  clientFlags,
  flagCatalog,
  memberFlagContext,
  type FlagDefinition,
  type FlagStore,
} from '@plinth/core/flags';
import type { Database } from '@plinth/db';
import { addRoute, defineRoute, jsonContent, type V1App, type V1Chain } from '../openapi/index';
import { slugParams } from './workspaces';

// The flags a client may see (each declared `clientVisible`), evaluated on the server for the
// caller in this workspace, so a SPA or a mobile app shows what the server would. One property per
// flag, typed by its declaration; a flag added to the catalog appears here and in the document.
const properties = Object.fromEntries(
  Object.entries(flagCatalog as Record<string, FlagDefinition>)
    .filter(([, definition]) => definition.clientVisible)
    .map(([key, definition]) => [
      key,
      (definition.type === 'boolean'
        ? z.boolean()
        : z.enum(definition.variants as unknown as [string, ...string[]])
      ).openapi({ description: definition.description }),
    ]),
);

const flagValues = z.object({ flags: z.object(properties) }).openapi('WorkspaceFlags');

const getFlags = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/flags',
  operationId: 'getWorkspaceFlags',
  summary: 'Feature flags for the caller in a workspace',
  description:
    'The evaluated value of every flag declared visible to clients, for this workspace, its plan and the caller (person, or the creator of the API key). Any member or key of the workspace may read them.',
  tags: ['Flags'],
  request: { params: slugParams },
  responses: { 200: jsonContent('The flags in effect.', flagValues) },
});

export function flagRoutes(app: V1App, chain: V1Chain, deps: { database: Database; flags: FlagStore }): void {
  addRoute(app, chain, getFlags, async (c) => {
    const ctx = await memberFlagContext(deps, c.get('member'));
    return c.json({ flags: await clientFlags(ctx) }, 200);
  });
}
