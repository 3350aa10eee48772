import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { session, staffReauthentication, user, type Database } from '@plinth/db';
import { audit, type AuditOrigin } from '../audit/index';
import { AppError, parseInput } from '../errors/index';
import type { JobQueue } from '../jobs/index';
import {
  assertSecondFactorAllowed,
  confirmIdentity,
  consumeTotpCode,
  recordFailedSecondFactor,
  recordFailedSignIn,
} from '../identity/index';
import { hasStaffRole, type StaffSessionRef } from './guard';
import { verifyStoredTotp } from './totp';

export interface ReauthDeps {
  database: Database;
  jobs: JobQueue;
  appUrl: string;
  /** better-auth's secret: the TOTP secret is stored encrypted with it. */
  authSecret: string;
}

export const reauthenticateInput = z.object({
  password: z.string().min(1, 'Enter your password.').max(1024),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/u, 'Enter the 6-digit code from your authenticator app.'),
});
export type ReauthenticateInput = z.input<typeof reauthenticateInput>;

/**
 * A staff member proves again who they are — password and current TOTP code — inside the session
 * they have, which restarts the staff console's 12 hours without signing in from scratch. Wrong
 * passwords and wrong codes count towards the same lockout as sign-in (and a code works once), so
 * this is no easier to guess against than the sign-in form. Audited (`admin.reauthenticated`).
 */
export async function reauthenticateStaff(
  deps: ReauthDeps,
  who: StaffSessionRef | null,
  input: unknown,
  origin: AuditOrigin = {},
): Promise<{ reauthenticatedAt: Date }> {
  if (!who) throw new AppError('unauthenticated');
  if (who.impersonatedBy) throw new AppError('not_found');
  const [person] = await deps.database.db
    .select({ email: user.email, role: user.role, twoFactorEnabled: user.twoFactorEnabled })
    .from(user)
    .innerJoin(session, eq(session.userId, user.id))
    .where(and(eq(user.id, who.userId), eq(session.id, who.sessionId)));
  if (!person || !hasStaffRole(person.role)) throw new AppError('not_found');
  if (!person.twoFactorEnabled) throw new AppError('staff_2fa_required');
  const { password, code } = parseInput(reauthenticateInput, input);
  const subject = { userId: who.userId, email: person.email };
  // Locked accounts are refused before anything is checked (the sign-in lockout and the daily codes).
  await assertSecondFactorAllowed(deps.database, subject);
  const check = await confirmIdentity(
    deps.database.db,
    { userId: who.userId, sessionCreatedAt: undefined },
    password,
  );
  if (check === 'sign_in_stale') {
    // No password on the account (OAuth or magic link only): the only proof left is a new sign-in.
    throw new AppError('staff_reauth_required', 'Your account has no password: sign out and sign in again.');
  }
  if (check !== 'confirmed') {
    if (check === 'password_wrong') await recordFailedSignIn(deps, person.email);
    throw new AppError('invalid_input', 'That password is not right.', {
      fields: { password: 'That password is not right.' },
    });
  }
  const codeOk = await verifyStoredTotp(deps.database, deps.authSecret, who.userId, code);
  if (!codeOk) {
    await recordFailedSecondFactor(deps, subject);
    throw new AppError('invalid_input', 'That code is not right.', {
      fields: { code: 'That code is not right. Use the current code from your authenticator app.' },
    });
  }
  if (!(await consumeTotpCode(deps.database, who.userId, code))) {
    throw new AppError('invalid_input', 'This code was already used. Wait for the next one.', {
      fields: { code: 'This code was already used. Wait for the next one.' },
    });
  }
  return deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffReauthentication)
      .values({ sessionId: who.sessionId, userId: who.userId })
      .onConflictDoUpdate({
        target: staffReauthentication.sessionId,
        set: { reauthenticatedAt: new Date() },
      })
      .returning({ at: staffReauthentication.reauthenticatedAt });
    await audit(
      tx,
      { type: 'user', id: who.userId },
      { action: 'admin.reauthenticated', target: { type: 'session', id: who.sessionId } },
      origin,
    );
    return { reauthenticatedAt: row!.at };
  });
}
