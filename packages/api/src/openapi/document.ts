import type { V1App } from './app';
import { apiKeyScheme, sessionCookieScheme } from './define-route';

export const API_TITLE = 'Plinth API';
export const API_VERSION = '1.0.0';

const tags = [
  { name: 'Me', description: 'The signed-in person.' },
  { name: 'Workspaces', description: 'Workspaces you belong to; everything else lives inside one.' },
  { name: 'Members', description: 'Who belongs to a workspace, with which role.' },
  { name: 'Invitations', description: 'Invite people by email; they accept with the mailed token.' },
  { name: 'Projects', description: 'The example domain: a tenant resource with a plan limit.' },
  { name: 'Audit events', description: 'The append-only record of privileged actions.' },
  { name: 'Billing', description: "A workspace's plan and subscription (read only here)." },
  { name: 'API keys', description: 'Workspace API keys (`plk_…`), shown once when created.' },
];

const description = `The same rules as the Plinth UI: every operation calls the same core function a page does.

**Authentication.** A workspace API key as \`Authorization: Bearer plk_…\`, or the session cookie of a
signed-in browser (state-changing cookie requests must come from a trusted Origin).

**Conventions.** JSON with snake_case keys; ids are prefixed by type (\`ws_\`, \`proj_\`, \`user_\`,
\`inv_\`, \`evt_\`, \`key_\`); timestamps are ISO 8601 in UTC. Unknown body fields and unknown query
parameters are refused with a 400 naming them. PATCH changes only the fields sent and returns the
resource. Lists answer \`{ items, next_cursor, has_more }\`; pass \`next_cursor\` back as \`cursor\`;
\`limit\` is 1–100 (default 20). A non-member gets 404 for anything in a workspace, as for one that does
not exist. Every response carries \`X-Request-Id\`; every error is
\`{ "error": { "code", "message", "fields"?, "request_id" } }\`.`;

/** The OpenAPI 3.1 document of /api/v1, generated from the operations registered on `app`. */
export function openApiDocument(app: V1App, serverUrl: string) {
  app.openAPIRegistry.registerComponent('securitySchemes', sessionCookieScheme, {
    type: 'apiKey',
    in: 'cookie',
    name: 'plinth.session_token',
    description: 'The session of a signed-in browser.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', apiKeyScheme, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'plk_…',
    description: 'A workspace API key: `Authorization: Bearer plk_…`.',
  });
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: API_TITLE, version: API_VERSION, description },
    servers: [{ url: serverUrl, description: 'This server' }],
    tags,
  });
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
