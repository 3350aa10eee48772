import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { account, member, session, twoFactor, user, type Database } from '@plinth/db';
import type { Actor } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { AppError } from '../errors/index';
import { confirmIdentity } from './confirm-identity';

export const deleteAccountInput = z.strictObject({ password: z.string().min(1).max(1024).optional() });
export type DeleteAccountInput = z.infer<typeof deleteAccountInput>;

/**
 * Deletes a person's account the way the law and the audit trail both need: personal data is
 * anonymised in place (name, email, image), credentials, sessions, 2FA and memberships are removed,
 * and the user id survives so audit rows still say who did what. One transaction.
 */
export async function deleteAccount(
  deps: { database: Database },
  actor: Actor & { sessionCreatedAt?: Date },
  input: DeleteAccountInput,
  origin: AuditOrigin = {},
): Promise<void> {
  if (actor.type !== 'user') throw new AppError('forbidden');
  if (actor.impersonatorId)
    throw new AppError('forbidden', 'Staff cannot delete an account while impersonating.');
  await deps.database.db.transaction(async (tx) => {
    const check = await confirmIdentity(
      tx,
      { userId: actor.id, sessionCreatedAt: actor.sessionCreatedAt },
      input.password,
    );
    if (check === 'password_missing' || check === 'password_wrong') {
      throw new AppError('invalid_input', 'Your password is not correct.', {
        fields: { password: 'Enter your current password.' },
      });
    }
    if (check === 'sign_in_stale')
      throw new AppError('unauthenticated', 'Sign in again to delete your account.');
    // Lock the owner rows of every workspace this person owns, so two co-owners deleting their
    // accounts at once cannot both pass the check below.
    await tx.execute(sql`
      select 1 from member where role = 'owner' and workspace_id in
        (select workspace_id from member where user_id = ${actor.id} and role = 'owner')
      for update`);
    const soleOwnerships = await tx.execute<{ workspace_id: string }>(sql`
      select m.workspace_id from member m
      where m.user_id = ${actor.id} and m.role = 'owner'
        and not exists (select 1 from member o where o.workspace_id = m.workspace_id
                        and o.role = 'owner' and o.user_id <> m.user_id)`);
    if (soleOwnerships.rows.length > 0) {
      throw new AppError(
        'conflict',
        'You are the only owner of a workspace. Transfer it or delete it first.',
      );
    }
    await tx
      .update(user)
      .set({
        name: 'Deleted user',
        email: `deleted-${actor.id}@deleted.invalid`,
        emailVerified: false,
        image: null,
        twoFactorEnabled: false,
        deletedAt: new Date(),
      })
      .where(eq(user.id, actor.id));
    await tx.delete(session).where(eq(session.userId, actor.id));
    await tx.delete(account).where(eq(account.userId, actor.id));
    await tx.delete(twoFactor).where(eq(twoFactor.userId, actor.id));
    await tx.delete(member).where(eq(member.userId, actor.id));
    await audit(
      tx,
      actor,
      { action: 'auth.account_deleted', target: { type: 'user', id: actor.id } },
      origin,
    );
  });
}
