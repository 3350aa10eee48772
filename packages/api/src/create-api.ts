import { Hono } from 'hono';
import { createSessionReader } from '@plinth/core/identity';
import { clientIp } from './middleware/client-ip';
import { handleError, handleNotFound } from './middleware/errors';
import { requestContext } from './middleware/request-id';
import { apiSecurityHeaders } from './middleware/security-headers';
import { authRoutes } from './routes/auth';
import { devMailRoutes } from './routes/dev-mail';
import { healthRoutes } from './routes/health';
import { billingAdminRoutes } from './routes/billing-admin';
import { staffAdminRoutes } from './routes/staff-admin';
import { staffWorkspaceRoutes } from './routes/staff-workspaces';
import { stripeWebhookRoutes } from './routes/stripe-webhook';
import { unsubscribeRoutes } from './routes/unsubscribe';
import { requireActor, requireMemberActor, requireWorkspaceMember } from './middleware/api-key-actor';
import { apiRateLimitByActor, apiRateLimitByIp, createApiRateLimiting } from './middleware/api-rate-limit';
import { idempotency } from './middleware/idempotency';
import { requestBodyLimit } from './middleware/body-limit';
import { authOutageAsUnavailable } from './middleware/auth-outage';
import { defaultApiRateLimits } from '@plinth/core/rate-limit';
import { createSecretBox } from '@plinth/core/secrets';
import { egressPolicyFromEnv } from '@plinth/core/webhooks';
import type { V1Chain } from './openapi/index';
import { createFlagStore, flagCatalog } from '@plinth/core/flags';
import { v1Routes } from './routes/v1';
import type { ApiDeps, ApiEnv } from './types';

/**
 * The Hono app behind /api/*. Middleware in docs/architecture.md §2 order: request id and logger,
 * client address, security headers, then each surface's own chain (for /api/v1: rate limit, actor,
 * tenant, validation, idempotency).
 */
export function createApi(deps: ApiDeps): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>().basePath('/api');
  api.use(
    '*',
    requestContext(deps.logger, {
      trustedProxies: deps.env.trustedProxies,
      // Not on the auth edge, whose answers must not tell a taken email from a new one.
      serverTiming: (path) => !path.startsWith('/api/auth/'),
      ...(deps.errorReporter ? { errorReporter: deps.errorReporter } : {}),
      ...(deps.metrics ? { onResponse: deps.metrics.observeRequest.bind(deps.metrics) } : {}),
    }),
  );
  api.use('*', clientIp(deps.env.trustedProxies));
  api.use('*', apiSecurityHeaders(deps.env.isProduction));
  api.route('/', healthRoutes(deps));
  // The captured outbox exists only where mail is captured, and never in production.
  if (deps.env.mail.transport === 'capture' && !deps.env.isProduction) api.route('/', devMailRoutes(deps));
  if (deps.billing && deps.jobs) {
    // Stripe calls the webhook: no session, no Origin check; its signature is the authentication.
    api.route('/', stripeWebhookRoutes({ ...deps.billing, database: deps.database, jobs: deps.jobs }));
    api.route('/', billingAdminRoutes({ database: deps.database, jobs: deps.jobs, env: deps.env }));
  }
  if (deps.jobs)
    api.route('/', staffAdminRoutes({ database: deps.database, jobs: deps.jobs, env: deps.env }));
  // Mail clients POST here with no cookie (RFC 8058): the signed token is the authentication.
  api.route(
    '/',
    unsubscribeRoutes({ database: deps.database, secret: deps.env.auth.secret, appUrl: deps.env.appUrl }),
  );
  if (deps.auth && deps.jobs) {
    const trustedOrigins = [deps.env.appUrl, ...deps.env.auth.trustedOrigins];
    const readSession = createSessionReader({
      database: deps.database,
      secret: deps.env.auth.secret,
      production: deps.env.isProduction,
    });
    api.use('/auth/*', authOutageAsUnavailable(deps.database));
    api.route(
      '/',
      authRoutes({
        auth: deps.auth,
        database: deps.database,
        jobs: deps.jobs,
        appUrl: deps.env.appUrl,
        trustedOrigins,
        secret: deps.env.auth.secret,
        production: deps.env.isProduction,
      }),
    );
    // /api/v1, docs/architecture.md §2 order per operation (see V1Chain): [rate limit per address, body size
    // limit] → actor → tenant → rate limits per key and workspace → validation (each operation's zod
    // schemas) → idempotency → handler.
    const rateLimiting = createApiRateLimiting(
      deps,
      deps.apiRateLimits ?? { ...defaultApiRateLimits, scale: deps.env.apiRateLimitScale },
      deps.rateLimiter,
    );
    api.use('/v1/*', apiRateLimitByIp(rateLimiting));
    api.use('/v1/*', requestBodyLimit());
    const actorDeps = {
      database: deps.database,
      readSession,
      trustedOrigins,
      ...(deps.apiKeyUsage ? { apiKeyUsage: deps.apiKeyUsage } : {}),
    };
    const chain: V1Chain = {
      actor: requireActor(actorDeps) as unknown as V1Chain['actor'],
      tenant: requireWorkspaceMember(deps.database) as unknown as V1Chain['tenant'],
      memberActor: requireMemberActor(actorDeps) as unknown as V1Chain['tenant'],
      afterTenant: [apiRateLimitByActor(rateLimiting) as unknown as V1Chain['tenant']],
      beforeHandler: [idempotency(deps.database) as unknown as V1Chain['tenant']],
    };
    const flags =
      deps.flags ??
      createFlagStore({
        database: deps.database,
        definitions: flagCatalog,
        environment: deps.env.nodeEnv,
      });
    api.route('/', staffWorkspaceRoutes({ database: deps.database, env: deps.env, flags }));
    api.route(
      '/v1',
      v1Routes(
        chain,
        {
          database: deps.database,
          jobs: deps.jobs,
          appUrl: deps.env.appUrl,
          realtime: deps.realtime,
          flags,
          ...(deps.storage
            ? {
                files: {
                  database: deps.database,
                  storage: deps.storage,
                  ...(deps.jobs ? { jobs: deps.jobs } : {}),
                  ...(deps.fileScanner ? { scanner: deps.fileScanner } : {}),
                  logger: deps.logger,
                },
              }
            : {}),
          webhooks: {
            database: deps.database,
            secrets: createSecretBox(deps.env.secretsEncryptionKey),
            egress: deps.webhookEgress ?? egressPolicyFromEnv(deps.env),
          },
        },
        `${deps.env.appUrl}/api/v1`,
      ),
    );
  }
  api.notFound(handleNotFound);
  api.onError(handleError);
  return api;
}
