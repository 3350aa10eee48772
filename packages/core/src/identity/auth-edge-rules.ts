import type { Database } from '@plinth/db';
import { AppError } from '../errors/index';
import type { JobQueue } from '../jobs/index';
import { assertWithinRateLimit, hashSubject } from '../rate-limit/index';
import { assertImpersonationMayWrite, requireStaffActor } from '../staff/index';
import type { AuthEndpoint } from './auth-surface';
import { confirmIdentity } from './confirm-identity';
import { newPasswordField, passwordProblem } from './password-policy';
import { createSessionReader, type SessionInfo } from './read-session';
import {
  assertSecondFactorAllowed,
  recordFailedSecondFactor,
  secondFactorSubject,
  type SecondFactorSubject,
} from './second-factor-limits';
import { assertSignInNotLocked, recordFailedSignIn } from './sign-in-lockout';

export interface AuthEdgeDeps {
  database: Database;
  jobs: JobQueue;
  appUrl: string;
  /** better-auth's secret: our edge reads its signed cookies (session, two-factor challenge). */
  secret: string;
  production: boolean;
}

/** One request to a better-auth endpoint, as the edge has read and checked it. */
export interface AuthEdgeRequest {
  endpoint: AuthEndpoint;
  /** The JSON body (auth-input.ts parseAuthBody), or undefined. */
  body: Record<string, unknown> | undefined;
  /** The client's address block (clientAddressBlock): what per-IP limits count. */
  clientAddress: string;
  cookie: string | undefined;
}

/** What `before` learned that `after` needs. */
export interface AuthEdgeState {
  /** The body's email (sign-in, sign-up…), lower-cased. */
  email?: string;
  /** The signed-in person's email, where the endpoint checks their password. */
  accountEmail?: string;
  secondFactor?: SecondFactorSubject;
}

/** How better-auth answered: the status, and its error code when it refused. */
export interface AuthOutcome {
  status: number;
  code?: string;
}

/**
 * The rules of the auth surface (auth-surface.ts), run by the edge around better-auth: `before`
 * throws an AppError to refuse the request; `after` counts the failures better-auth reported.
 */
export function createAuthEdgeRules(deps: AuthEdgeDeps) {
  const readSession = createSessionReader(deps);

  async function before(request: AuthEdgeRequest): Promise<AuthEdgeState> {
    const { rules, path } = request.endpoint;
    const body = request.body ?? {};
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : undefined;
    const needsSession =
      rules.changesCredentials ||
      rules.confirmsIdentity ||
      rules.staffOnly ||
      rules.signInStep === 'second-factor';
    // A POST may be a write by an impersonation session: read the session whenever there is a cookie.
    const writes = request.endpoint.method === 'POST' && !rules.allowedWhileImpersonating;
    const session = needsSession || (writes && request.cookie) ? await readSession(request.cookie) : null;
    // Fail closed: a rule that depends on who is signed in never lets through a request whose
    // session we could not read (better-auth would refuse it too; this way it cannot read one we
    // did not check).
    if (needsSession && !session && rules.signInStep !== 'second-factor')
      throw new AppError('unauthenticated');
    if (rules.changesCredentials && session?.impersonatedBy) {
      throw new AppError('forbidden', 'Staff cannot change how an account signs in while impersonating it.');
    }
    // Staff endpoints: the staff guard (404 for everyone else, 403 for staff without 2FA or fresh sign-in).
    if (rules.staffOnly) await requireStaffActor(deps.database, session);
    // Impersonation is read-only unless elevated (docs/decisions/0031).
    if (writes) await assertImpersonationMayWrite(deps.database, session);
    if (rules.byIp) await assertWithinRateLimit(deps.database, rules.byIp, request.clientAddress);
    if (rules.byEmail && email) await assertWithinRateLimit(deps.database, rules.byEmail, hashSubject(email));
    if (rules.signInStep === 'password' && email) await assertSignInNotLocked(deps.database, email);
    const accountEmail = rules.checksPassword ? session?.email : undefined;
    if (accountEmail) await assertSignInNotLocked(deps.database, accountEmail);
    let secondFactor: SecondFactorSubject | undefined;
    if (rules.signInStep === 'second-factor') {
      secondFactor = (await secondFactorSubject(deps, request.cookie, session)) ?? undefined;
      // No session and no challenge we can read: nothing better-auth could check a code against.
      if (!secondFactor) {
        throw new AppError('unauthenticated', 'This sign-in attempt has expired. Sign in again.');
      }
      await assertSecondFactorAllowed(deps.database, secondFactor);
    }
    const passwordField = newPasswordField(path);
    const newPassword = passwordField ? body[passwordField] : undefined;
    if (passwordField && typeof newPassword === 'string') {
      const problem = passwordProblem(newPassword, email ?? session?.email);
      if (problem) throw new AppError('invalid_input', problem, { fields: { [passwordField]: problem } });
    }
    if (rules.confirmsIdentity && session) await confirmOwner(session, body.currentPassword);
    return {
      ...(email ? { email } : {}),
      ...(accountEmail ? { accountEmail } : {}),
      ...(secondFactor ? { secondFactor } : {}),
    };
  }

  /**
   * The session holder proves they own the account: a wrong password is a guess like a failed
   * sign-in (counted towards the same lockout, refused while locked).
   */
  async function confirmOwner(session: SessionInfo, password: unknown): Promise<void> {
    await assertSignInNotLocked(deps.database, session.email);
    const check = await confirmIdentity(
      deps.database.db,
      { userId: session.userId, sessionCreatedAt: session.createdAt },
      password,
    );
    if (check === 'confirmed') return;
    if (check === 'sign_in_stale') {
      throw new AppError(
        'unauthenticated',
        'For your security, sign in again, then make this change within ten minutes.',
      );
    }
    if (check === 'password_wrong') await recordFailedSignIn(deps, session.email);
    throw new AppError('invalid_input', 'Confirm it is you with your current password.', {
      fields: {
        currentPassword:
          check === 'password_wrong' ? 'That password is not right.' : 'Enter your current password.',
      },
    });
  }

  async function after(request: AuthEdgeRequest, state: AuthEdgeState, outcome: AuthOutcome): Promise<void> {
    const { signInStep } = request.endpoint.rules;
    if (outcome.status === 401 && signInStep === 'password' && state.email) {
      await recordFailedSignIn(deps, state.email);
    }
    if (outcome.status === 401 && signInStep === 'second-factor' && state.secondFactor) {
      await recordFailedSecondFactor(deps, state.secondFactor);
    }
    if (outcome.code === 'INVALID_PASSWORD' && state.accountEmail) {
      await recordFailedSignIn(deps, state.accountEmail);
    }
  }

  return { before, after };
}

export type AuthEdgeRules = ReturnType<typeof createAuthEdgeRules>;
