import { eq } from 'drizzle-orm';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { createAuthMiddleware } from 'better-auth/api';
import { admin, genericOAuth, magicLink, twoFactor } from 'better-auth/plugins';
import {
  account,
  session,
  twoFactor as twoFactorTable,
  user,
  uuidv7,
  verification,
  type Database,
} from '@plinth/db';
import type { AuthEnv } from '../env/index';
import type { AnyMailRequest } from '../mail/index';
import type { Logger } from '../logger/index';
import {
  auditAuthEvents,
  auditPasswordReset,
  auditSessionCreated,
  auditSignOut,
  requestOrigin,
  type AuthAuditDeps,
} from './audit-auth-events';
import { cleanUserWrite, guardAuthEndpoint } from './better-auth-guards';
import { notifyNewSignIn } from './new-sign-in-notice';
import { sessionAllowedForTwoFactorUser } from './second-factor';
import { refuseReplayedTotp } from './totp-replay';
import { hashPassword, verifyPassword } from './password-hashing';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy';
import {
  IMPERSONATION_SECONDS,
  SESSION_EXPIRES_IN_SECONDS,
  SESSION_UPDATE_AGE_SECONDS,
} from './read-session';

/** The header our edge sets to the client IP it resolved (socket, or trusted proxies' XFF). */
export const CLIENT_IP_HEADER = 'x-plinth-client-ip';
export const AUTH_BASE_PATH = '/api/auth';

/** Every mail identity sends; the wiring queues it on `mail.send`. */
export type IdentityMail = AnyMailRequest;

export interface IdentityDeps extends AuthAuditDeps {
  database: Database;
  logger: Logger;
  auth: AuthEnv;
  appUrl: string;
  production: boolean;
  /** Queues an email (a job); never waits on SMTP, so responses do not reveal who exists. */
  sendMail: (mail: IdentityMail) => Promise<void>;
}

/**
 * better-auth, configured safely, over our own tables. Sessions live in Postgres (no cookie cache,
 * so a revoked session is revoked on the next request), cookies are HttpOnly + SameSite=Lax (+Secure
 * in production), telemetry is off, and the rate limiting is ours (Hono middleware, keyed on the
 * socket IP), so better-auth's own is disabled.
 */
export function createAuth(deps: IdentityDeps) {
  const { auth: config } = deps;
  const socialProviders = {
    ...(config.github ? { github: { ...config.github, scope: ['read:user', 'user:email'] } } : {}),
    ...(config.google ? { google: { ...config.google, prompt: 'select_account' as const } } : {}),
  };
  const authLogger = deps.logger.child({ component: 'auth' });
  return betterAuth({
    appName: 'Plinth',
    // better-auth's own messages ("Invalid password", "User not found") go to our JSON logs.
    logger: {
      level: 'warn',
      log: (level, message, ...args) =>
        authLogger[level]({ details: args.length > 0 ? args : undefined }, message),
    },
    baseURL: deps.appUrl,
    basePath: AUTH_BASE_PATH,
    secret: config.secret,
    trustedOrigins: [new URL(deps.appUrl).origin, ...config.trustedOrigins],
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
    database: drizzleAdapter(deps.database.db, {
      provider: 'pg',
      schema: { user, session, account, verification, twoFactor: twoFactorTable },
      transaction: true,
    }),
    advanced: {
      cookiePrefix: 'plinth',
      useSecureCookies: deps.production,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      database: { generateId: () => uuidv7() },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    session: {
      expiresIn: SESSION_EXPIRES_IN_SECONDS,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
      freshAge: 60 * 60 * 24,
      cookieCache: { enabled: false },
    },
    user: {
      // An IdP that has not verified the address must not create a user holding it: the row would
      // squat the email, and the verification mail it triggers would hand the real owner's click to
      // the IdP identity (pre-account takeover). Linking to existing users is gated by accountLinking.
      validateUserInfo: ({ user: incoming, source }) =>
        source.method === 'oauth' && source.action === 'create-user' && incoming.emailVerified !== true
          ? {
              error: 'email_not_verified',
              errorDescription: 'The identity provider has not verified this email address.',
            }
          : undefined,
      // Two inboxes agree before an account moves: the current address approves first (this mail,
      // which also says how to secure the account if the request was not theirs), then the new
      // one confirms through better-auth's verification mail (sendVerificationEmail below). Our
      // edge has already required the current password (or a fresh sign-in) and refused it during
      // impersonation (auth-surface.ts).
      changeEmail: {
        enabled: true,
        sendChangeEmailConfirmation: async ({ user: person, newEmail, url }) => {
          await deps.sendMail({
            template: 'change-email-approval',
            to: person.email,
            data: { name: person.name, newEmail, url, secureUrl: appLink(deps.appUrl, '/forgot-password') },
          });
        },
      },
    },
    account: {
      accountLinking: { enabled: true, trustedProviders: [], allowDifferentEmails: false },
      encryptOAuthTokens: true,
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
      autoSignIn: false,
      // A sign-up for a taken address answers like one for a new address (our edge makes both
      // answers one fixed body); the owner of the address is told, instead of a verification link.
      onExistingUserSignUp: async ({ user: person }) => {
        await deps.sendMail({
          template: 'account-exists',
          to: person.email,
          data: {
            name: person.name,
            signInUrl: appLink(deps.appUrl, '/sign-in'),
            resetUrl: appLink(deps.appUrl, '/forgot-password'),
          },
        });
      },
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: async ({ user: person }, request) => auditPasswordReset(deps, person.id, request),
      sendResetPassword: async ({ user: person, url }) => {
        await deps.sendMail({
          template: 'reset-password',
          to: person.email,
          data: { name: person.name, url },
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user: person, url }) => {
        await deps.sendMail({ template: 'verify-email', to: person.email, data: { name: person.name, url } });
      },
    },
    socialProviders,
    databaseHooks: {
      user: {
        create: { before: async (data) => cleanUserWrite(data, 'create') },
        update: { before: async (data) => cleanUserWrite(data, 'update') },
      },
      session: {
        create: {
          before: async (candidate, ctx) => {
            if (candidate.impersonatedBy) return; // staff impersonation is audited separately
            const [person] = await deps.database.db
              .select({ twoFactorEnabled: user.twoFactorEnabled })
              .from(user)
              .where(eq(user.id, candidate.userId as string));
            if (person?.twoFactorEnabled && !sessionAllowedForTwoFactorUser(ctx?.path)) return false;
          },
          after: async (created, ctx) => {
            await auditSessionCreated(deps, created, ctx);
            if (!created.impersonatedBy) {
              await notifyNewSignIn(deps, created.userId, created.id, requestOrigin(ctx?.request));
            }
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        guardAuthEndpoint(ctx);
        if (ctx.path === '/sign-out') await auditSignOut(deps, ctx);
        // A magic link without errorCallbackURL (sent through the API, or an old mail) would send a
        // used or expired token to its callbackURL ("/" by default), where nothing explains it.
        if (ctx.path === '/magic-link/verify' && ctx.query && !ctx.query.errorCallbackURL) {
          return { context: { query: { ...ctx.query, errorCallbackURL: magicLinkErrorPage(ctx.query) } } };
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        await refuseReplayedTotp(deps, ctx);
        await auditAuthEvents(deps, ctx);
      }),
    },
    plugins: [
      twoFactor({
        issuer: 'Plinth',
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: 'encrypted' },
      }),
      magicLink({
        expiresIn: 10 * 60,
        disableSignUp: !config.magicLinkSignUp,
        sendMagicLink: async ({ email, url }) => {
          await deps.sendMail({ template: 'magic-link', to: email, data: { url } });
        },
      }),
      admin({
        adminRoles: ['admin'],
        defaultRole: 'user',
        impersonationSessionDuration: IMPERSONATION_SECONDS,
        // Asked only when a session is about to be created, i.e. once the person proved who they are:
        // the reason staff wrote (the ban dialog says the person will see it) goes to them alone.
        bannedUserMessage: (person) => bannedMessage(person.banReason, person.banExpires),
      }),
      ...(config.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: config.oidc.providerId,
                  discoveryUrl: config.oidc.discoveryUrl,
                  clientId: config.oidc.clientId,
                  clientSecret: config.oidc.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                },
              ],
            }),
          ]
        : []),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Sign-in, which explains ?error=INVALID_TOKEN, coming back to the link's own page when it is local. */
function magicLinkErrorPage(query: Record<string, unknown>): string {
  const callback = query.callbackURL;
  const local = typeof callback === 'string' && /^\/(?![/\\])/u.test(callback) && callback !== '/';
  return local ? `/sign-in?next=${encodeURIComponent(callback)}` : '/sign-in';
}

function appLink(appUrl: string, path: string): string {
  return new URL(path, appUrl).toString();
}

/** What a banned person reads when they try to sign in: the reason, and when the ban ends if it does. */
export function bannedMessage(
  reason: string | null | undefined,
  expires: Date | string | null | undefined,
): string {
  const until = expires ? ` until ${new Date(expires).toUTCString().replace(/:\d\d GMT$/, ' UTC')}` : '';
  const why = reason?.trim() ? ` Reason: ${reason.trim().replace(/[.!?]?$/, '.')}` : '';
  return `This account has been suspended${until}.${why} Contact support if you think this is a mistake.`;
}
