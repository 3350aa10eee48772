import { z } from '@hono/zod-openapi';
import { eventCatalog, eventEnvelopeSchema, eventTypes } from '@plinth/core/events';
import type { V1App } from './app';
import { apiKeyScheme, sessionCookieScheme } from './define-route';

export const API_TITLE = 'Plinth API';
export const API_VERSION = '1.0.0';

const tags = [
  { name: 'Me', description: 'The signed-in person.' },
  {
    name: 'Notifications',
    description:
      'Your inbox, your notification preferences, and live events (Server-Sent Events) telling the app what to refetch.',
  },
  { name: 'Workspaces', description: 'Workspaces you belong to; everything else lives inside one.' },
  { name: 'Members', description: 'Who belongs to a workspace, with which role.' },
  { name: 'Invitations', description: 'Invite people by email; they accept with the mailed token.' },
  { name: 'Projects', description: 'The example domain: a tenant resource with a plan limit.' },
  { name: 'Search', description: 'Full-text and typo-tolerant search over a workspace.' },
  {
    name: 'Files',
    description:
      'Uploads straight to object storage with a signed POST policy (declare → upload → complete), signed downloads, attachments of projects.',
  },
  { name: 'Audit events', description: 'The append-only record of privileged actions.' },
  { name: 'Billing', description: "A workspace's plan and subscription (read only here)." },
  { name: 'API keys', description: 'Workspace API keys (`plk_…`), shown once when created.' },
  {
    name: 'Flags',
    description:
      'Feature flags evaluated on the server for the caller, as clients (SPAs, mobile) may see them.',
  },
  {
    name: 'Webhooks',
    description:
      'Endpoints that receive signed events (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`), and their delivery log. The events are under `webhooks` in this document.',
  },
];

const signatureHeaders = [
  { name: 'webhook-id', description: 'The event id (`msg_…`): the same on every retry. Dedupe on it.' },
  {
    name: 'webhook-timestamp',
    description: 'Unix seconds of this attempt; refuse ones far from your clock.',
  },
  {
    name: 'webhook-signature',
    description:
      'Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` by the secret (base64 after `whsec_`); two during a rotation. Verify with the `standardwebhooks` library.',
  },
];

/** The event catalog as OpenAPI 3.1 `webhooks`: one POST per event type, its body the signed envelope. */
function registerWebhooks(app: V1App): void {
  for (const type of eventTypes) {
    app.openAPIRegistry.registerWebhook({
      method: 'post',
      path: type,
      operationId: `event_${type.replace(/\./g, '_')}`,
      summary: type,
      description: `${eventCatalog[type].description} Answer any 2xx within 15 s to acknowledge; anything else is retried for about three days (410 disables the endpoint). Order is not guaranteed.`,
      tags: ['Webhooks'],
      request: {
        headers: z.strictObject(
          Object.fromEntries(
            signatureHeaders.map((header) => [
              header.name,
              z.string().meta({ description: header.description }),
            ]),
          ),
        ),
        body: {
          required: true,
          content: {
            'application/json': { schema: eventEnvelopeSchema(type).meta({ id: `Event.${type}` }) },
          },
        },
      },
      responses: { 200: { description: 'Any 2xx status acknowledges the event.' } },
    });
  }
}

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
  registerWebhooks(app);
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
