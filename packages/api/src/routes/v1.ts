import type { FlagStore } from '@plinth/core/flags';
import type { FileDeps } from '@plinth/core/storage';
import type { TenancyDeps } from '@plinth/core/tenancy';
import type { WebhookDeps } from '@plinth/core/webhooks';
import type { RealtimeHub } from '@plinth/core/realtime';
import {
  createV1App,
  openApiDocument,
  renderReferencePage,
  type V1App,
  type V1Chain,
} from '../openapi/index';
import { apiKeyRoutes } from './api-keys';
import { auditRoutes } from './audit';
import { avatarRoutes } from './avatars';
import { billingRoutes } from './billing';
import { flagRoutes } from './flags';
import { fileRoutes } from './files';
import { invitationRoutes } from './invitations';
import { memberRoutes } from './members';
import { meRoutes } from './me';
import { notificationRoutes } from './notifications';
import { projectRoutes } from './projects';
import { searchRoutes } from './search';
import { webhookEndpointRoutes } from './webhook-endpoints';
import { workspaceRoutes } from './workspaces';

export type V1Deps = TenancyDeps & {
  webhooks: WebhookDeps;
  realtime?: RealtimeHub | undefined;
  flags: FlagStore;
  files?: FileDeps;
};

/**
 * Every /api/v1 operation on one OpenAPIHono app, mounted at /api/v1 by create-api.ts. A new
 * resource adds its `xRoutes(app, chain, deps)` line here (and `tests/api/contract.test.ts` then
 * fails until it has a case).
 */
export function registerV1Operations(app: V1App, chain: V1Chain, deps: V1Deps): V1App {
  meRoutes(app, chain, deps);
  notificationRoutes(app, chain, deps);
  avatarRoutes(app, chain, deps);
  workspaceRoutes(app, chain, deps);
  memberRoutes(app, chain, deps);
  invitationRoutes(app, chain, deps);
  projectRoutes(app, chain, deps);
  searchRoutes(app, chain, deps);
  fileRoutes(app, chain, deps);
  auditRoutes(app, chain, deps);
  billingRoutes(app, chain, deps);
  apiKeyRoutes(app, chain, deps);
  webhookEndpointRoutes(app, chain, deps);
  flagRoutes(app, chain, deps);
  return app;
}

/** The v1 app with its document routes: GET /openapi.json and GET /reference (no auth). */
export function v1Routes(chain: V1Chain, deps: V1Deps, serverUrl: string): V1App {
  const app = registerV1Operations(createV1App(), chain, deps);
  let document: ReturnType<typeof openApiDocument> | undefined;
  let page: ReturnType<typeof renderReferencePage> | undefined;
  const getDocument = () => (document ??= openApiDocument(app, serverUrl));
  app.get('/openapi.json', (c) => c.json(getDocument()));
  app.get('/reference', (c) => {
    page ??= renderReferencePage(getDocument() as unknown as Record<string, unknown>);
    c.header('Content-Security-Policy', page.contentSecurityPolicy);
    return c.html(page.html);
  });
  return app;
}
