// Profile pictures: a person's own file, in no workspace (decision 0030). The same flow as a
// workspace file (declare → the browser POSTs to storage → complete: copy to the final key, HEAD
// and sniff the copy → a resize job), on the person-scoped `avatar` table under its own RLS and
// keys under `users/<id>/avatar/<uuid>`. Rows are never deleted while their upload policy could
// still write: a replaced or removed avatar becomes `superseded`, and the cleanup job deletes its
// upload key after the policy has expired and the row after a day.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { avatar, user, type AvatarRow, type Database, type FileVariants } from '@plinth/db';
import type { Actor } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { AppError, parseInput } from '../errors/index';
import type { JobQueue } from '../jobs/index';
import { publicImageUrl, resizeImage } from './images';
import {
  MB,
  PENDING_FILE_MAX_AGE_HOURS,
  UPLOAD_EXPIRY_SECONDS,
  UPLOAD_SWEEP_AFTER_MINUTES,
} from './purposes';
import { checkStoredUpload } from './sniff';
import type { PresignedUpload, Storage } from './storage';

/** PNG, JPEG or WebP only: an SVG can carry script, and a GIF's animation is not worth a resize path. */
export const avatarContentTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const AVATAR_MAX_BYTES = 5 * MB;
export const avatarImageQueueName = 'files.avatar-images';

export const createAvatarUploadInput = z.strictObject({
  content_type: z.enum(avatarContentTypes, `Use one of: ${avatarContentTypes.join(', ')}.`),
  size: z
    .number('Enter the size in bytes.')
    .int('Enter the size in bytes.')
    .min(1, 'An empty file cannot be uploaded.')
    .max(AVATAR_MAX_BYTES, `An avatar is at most ${AVATAR_MAX_BYTES / MB} MB.`),
});
export type CreateAvatarUploadInput = z.input<typeof createAvatarUploadInput>;

const avatarId = z.uuid('Invalid avatar id.');

export interface AvatarDeps {
  database: Database;
  storage: Storage;
  /** Queues the resize (files.avatar-images); without it the resize runs inline. */
  jobs?: Pick<JobQueue, 'send'>;
}

export interface AvatarView {
  id: string;
  /** A superseded avatar is never shown: it is no one's picture any more. */
  status: Exclude<AvatarRow['status'], 'superseded'>;
  contentType: string;
  size: number;
  rejectedReason: string | null;
  /** The resized images' URLs once the job has run; null before (show the initials). */
  urls: { small: string; large: string } | null;
  createdAt: Date;
  completedAt: Date | null;
}

type Person = Pick<Actor, 'type' | 'id' | 'impersonatorId'>;
type Tx = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

function assertPerson(actor: Person): void {
  if (actor.type !== 'user') {
    throw new AppError('forbidden', 'API keys act for a workspace, not a person: sign in to do this.');
  }
}

/** A transaction acting as the person: RLS on `avatar` shows exactly their rows. */
function asPerson<T>(database: Database, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.actor_type', 'user', true), set_config('app.actor_id', ${userId}, true)`,
    );
    return fn(tx);
  });
}

/** A transaction for the avatar jobs (resize, cleanup): `avatar_jobs` lets them see every row. */
function asAvatarJobs<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.actor_type', 'system', true), set_config('app.actor_id', 'files.avatars', true), set_config('app.avatar_jobs', 'on', true)`,
    );
    return fn(tx);
  });
}

function toView(storage: Pick<Storage, 'publicUrl'>, row: AvatarRow): AvatarView {
  const { variants, status } = row;
  if (status === 'superseded') throw new Error(`avatar ${row.id} is superseded: it is never shown`);
  return {
    id: row.id,
    status,
    contentType: row.contentType,
    size: row.size,
    rejectedReason: row.rejectedReason,
    urls:
      variants?.small && variants.large
        ? {
            small: publicImageUrl(storage, variants.small.key),
            large: publicImageUrl(storage, variants.large.key),
          }
        : null,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  };
}

type Keys = Pick<AvatarRow, 'storageKey' | 'finalKey' | 'variants'>;
const keyColumns = { storageKey: avatar.storageKey, finalKey: avatar.finalKey, variants: avatar.variants };

/** Deletes every object an avatar row names: its variants, its checked copy, its upload key. */
async function deleteObjects(storage: Storage, row: Keys) {
  for (const variant of Object.values(row.variants ?? {})) await storage.delete(variant.key);
  await storage.delete(row.finalKey);
  if (row.storageKey !== row.finalKey) await storage.delete(row.storageKey);
}

/** The person's current avatar (the newest that is not rejected), or null. */
export async function getAvatar(deps: Pick<AvatarDeps, 'database' | 'storage'>, actor: Person) {
  assertPerson(actor);
  const [row] = await asPerson(deps.database, actor.id, (tx) =>
    tx
      .select()
      .from(avatar)
      .where(and(eq(avatar.userId, actor.id), eq(avatar.status, 'ready')))
      .orderBy(sql`${avatar.id} desc`)
      .limit(1),
  );
  return row ? toView(deps.storage, row) : null;
}

/**
 * Declares an avatar upload: PNG, JPEG or WebP, at most 5 MB. Writes a `pending` row (an earlier
 * pending one of the person's becomes `superseded`: its policy may still write, so the cleanup job
 * deletes its key after the policy has expired) and answers a POST policy bound to its key
 * (`users/<id>/avatar/<uuid>`), exact size and type, for five minutes.
 */
export async function createAvatarUpload(
  deps: AvatarDeps,
  actor: Person,
  input: CreateAvatarUploadInput,
  origin: AuditOrigin = {},
): Promise<{ avatar: AvatarView; upload: PresignedUpload }> {
  assertPerson(actor);
  const values = parseInput(createAvatarUploadInput, input);
  const key = `users/${actor.id}/avatar/${randomUUID()}`;
  const finalKey = `users/${actor.id}/avatar/${randomUUID()}`;
  const { row, stale } = await asPerson(deps.database, actor.id, async (tx) => {
    // One pending upload per person: an earlier one (abandoned, or a double click) is superseded.
    const stale = await tx
      .update(avatar)
      .set({ status: 'superseded' })
      .where(and(eq(avatar.userId, actor.id), eq(avatar.status, 'pending')))
      .returning(keyColumns);
    const [row] = await tx
      .insert(avatar)
      .values({
        userId: actor.id,
        contentType: values.content_type,
        size: values.size,
        storageKey: key,
        finalKey,
      })
      .returning();
    await audit(
      tx,
      actor,
      {
        action: 'avatar.upload_started',
        workspaceId: null,
        target: { type: 'avatar', id: row!.id },
        metadata: { size: values.size, content_type: values.content_type },
      },
      origin,
    );
    return { row: row!, stale };
  });
  for (const old of stale) await deleteObjects(deps.storage, old);
  const upload = await deps.storage.presignUpload({
    key,
    contentType: values.content_type,
    size: values.size,
    expiresInSeconds: UPLOAD_EXPIRY_SECONDS,
  });
  return { avatar: toView(deps.storage, row), upload };
}

/**
 * The browser says the upload is done: the object is copied to the row's final key (no policy
 * names it; the upload key's may rewrite it until it expires), and the copy must have the declared
 * size and type, and its first bytes must be that image type (a PNG-named SVG with script is
 * refused). Then the avatar is `ready`, the person's previous avatar is `superseded` (its objects
 * deleted), `user.image` is cleared (the pages show the initials) and the resize job is queued; it
 * points `user.image` at the small variant. Otherwise the objects are deleted, the row `rejected`
 * and the answer a 400 naming the field. An avatar id that is not the person's own is a 404 (RLS
 * does not show it).
 */
export async function completeAvatarUpload(
  deps: AvatarDeps,
  actor: Person,
  id: string,
  origin: AuditOrigin = {},
): Promise<AvatarView> {
  assertPerson(actor);
  const parsedId = parseInput(avatarId, id);
  const [row] = await asPerson(deps.database, actor.id, (tx) =>
    tx
      .select()
      .from(avatar)
      .where(and(eq(avatar.userId, actor.id), eq(avatar.id, parsedId))),
  );
  if (!row) throw new AppError('not_found', 'Avatar not found.');
  if (row.status === 'rejected') {
    throw new AppError('conflict', `This upload was rejected: ${row.rejectedReason ?? 'see the avatar'}.`);
  }
  if (row.status === 'superseded') {
    throw new AppError('conflict', 'This upload was replaced by a newer one, or removed.');
  }
  if (row.status !== 'pending') return toView(deps.storage, row);

  const outcome = await asPerson(deps.database, actor.id, async (tx) => {
    // The claim: one completion at a time, so no second copy can land on the final key after
    // this one's checks (a concurrent request skips the locked row and answers 409).
    const [claimed] = await tx
      .select({ id: avatar.id })
      .from(avatar)
      .where(and(eq(avatar.id, row.id), eq(avatar.status, 'pending')))
      .for('update', { skipLocked: true });
    if (!claimed) return { kind: 'busy' } as const;
    // Everything from here on reads the copy: a second POST with the same policy changes nothing.
    const arrived = await deps.storage.copy(row.storageKey, row.finalKey);
    const checked = arrived ? await checkStoredUpload(deps.storage, row.finalKey, row) : null;
    if (!checked || checked.kind === 'missing') return { kind: 'missing' } as const;
    if (checked.kind === 'problem') {
      const { problem } = checked;
      await tx
        .update(avatar)
        .set({ status: 'rejected', rejectedReason: problem.reason, completedAt: new Date() })
        .where(eq(avatar.id, row.id));
      await audit(
        tx,
        actor,
        {
          action: 'avatar.rejected',
          workspaceId: null,
          target: { type: 'avatar', id: row.id },
          metadata: { reason: problem.reason },
        },
        origin,
      );
      return { kind: 'rejected', problem } as const;
    }
    const [completed] = await tx
      .update(avatar)
      .set({ status: 'ready', completedAt: new Date() })
      .where(eq(avatar.id, row.id))
      .returning();
    const previous = await tx
      .update(avatar)
      .set({ status: 'superseded' })
      .where(and(eq(avatar.userId, actor.id), eq(avatar.status, 'ready'), sql`${avatar.id} <> ${row.id}`))
      .returning(keyColumns);
    await tx.update(user).set({ image: null }).where(eq(user.id, actor.id));
    await audit(
      tx,
      actor,
      { action: 'avatar.uploaded', workspaceId: null, target: { type: 'avatar', id: row.id } },
      origin,
    );
    return { kind: 'completed', completed: completed!, previous } as const;
  });
  if (outcome.kind === 'busy') {
    const [now] = await asPerson(deps.database, actor.id, (tx) =>
      tx.select().from(avatar).where(eq(avatar.id, row.id)),
    );
    if (now?.status === 'ready') return toView(deps.storage, now);
    throw new AppError('conflict', 'This upload is being completed by another request, or was replaced.');
  }
  if (outcome.kind === 'missing') {
    throw new AppError(
      'conflict',
      'The upload has not arrived in storage yet. Upload the image, then complete it.',
    );
  }
  if (outcome.kind === 'rejected') {
    await deleteObjects(deps.storage, row);
    throw new AppError('invalid_input', 'The upload was rejected.', {
      fields: { [outcome.problem.field]: outcome.problem.reason },
    });
  }
  const { completed, previous } = outcome;
  // The old avatar's objects and this one's upload key go now; the cleanup job deletes the upload
  // keys once more after their policies have expired.
  for (const old of previous) await deleteObjects(deps.storage, old);
  await deps.storage.delete(row.storageKey);
  const job = { userId: actor.id, avatarId: row.id };
  if (deps.jobs) await deps.jobs.send(avatarImageQueueName, job, { id: row.id });
  else return (await resizeAvatar(deps, job)) ?? toView(deps.storage, completed);
  return toView(deps.storage, completed);
}

/**
 * The resize job: the avatar's checked copy (its final key) is resized, the variants written under
 * a fresh image id and recorded on its row, and `user.image` points at the small one, when the
 * avatar is still the person's (a removal or a newer upload meanwhile leaves nothing behind: what
 * the job wrote is deleted).
 */
export async function resizeAvatar(
  deps: Pick<AvatarDeps, 'database' | 'storage'>,
  input: { userId: string; avatarId: string },
): Promise<AvatarView | undefined> {
  const [row] = await asAvatarJobs(deps.database, (tx) =>
    tx
      .select()
      .from(avatar)
      .where(and(eq(avatar.userId, input.userId), eq(avatar.id, input.avatarId))),
  );
  if (!row || row.status !== 'ready') return undefined;
  if (row.variants) return toView(deps.storage, row);
  const variants: FileVariants = await resizeImage(deps.storage, row.finalKey);
  const url = publicImageUrl(deps.storage, variants.small!.key);
  const updated = await asAvatarJobs(deps.database, async (tx) => {
    const [updated] = await tx
      .update(avatar)
      .set({ variants })
      .where(and(eq(avatar.id, row.id), eq(avatar.status, 'ready'), isNull(avatar.variants)))
      .returning();
    if (updated) await tx.update(user).set({ image: url }).where(eq(user.id, input.userId));
    return updated;
  });
  if (!updated) {
    for (const variant of Object.values(variants)) await deps.storage.delete(variant.key);
    return undefined;
  }
  return toView(deps.storage, updated);
}

/**
 * Removes the person's avatar and clears `user.image`: the initials again. Its objects (and a
 * pending upload's) are deleted at once; the rows become `superseded` until the cleanup job has
 * deleted whatever their upload policies could still write.
 */
export async function removeAvatar(
  deps: Pick<AvatarDeps, 'database' | 'storage'>,
  actor: Person,
  origin: AuditOrigin = {},
): Promise<void> {
  assertPerson(actor);
  const removed = await asPerson(deps.database, actor.id, async (tx) => {
    const removed = await tx
      .update(avatar)
      .set({ status: 'superseded' })
      .where(and(eq(avatar.userId, actor.id), inArray(avatar.status, ['pending', 'ready'])))
      .returning(keyColumns);
    await tx.update(user).set({ image: null }).where(eq(user.id, actor.id));
    await audit(
      tx,
      actor,
      {
        action: 'avatar.removed',
        workspaceId: null,
        target: { type: 'user', id: actor.id },
        metadata: { avatars: removed.length },
      },
      origin,
    );
    return removed;
  });
  for (const row of removed) await deleteObjects(deps.storage, row);
}

/**
 * The cleanup job's share. First, avatars superseded, pending or rejected for a day, and every
 * avatar of a deleted account, are removed with all their objects. Then, for every avatar declared
 * more than UPLOAD_SWEEP_AFTER_MINUTES ago, its upload key is deleted once (whatever its policy
 * let a browser write after completion, rejection or replacement; no one's) and, if it is still
 * pending, it is rejected. Answers how many rows it removed.
 */
export async function cleanUpAvatars(
  deps: Pick<AvatarDeps, 'database' | 'storage'>,
  options: { maxAgeHours?: number; batchSize?: number } = {},
): Promise<number> {
  const hours = options.maxAgeHours ?? PENDING_FILE_MAX_AGE_HOURS;
  const batchSize = options.batchSize ?? 500;
  const cutoff = new Date(Date.now() - hours * 3_600_000);
  let removed = 0;
  for (;;) {
    const doomed = await asAvatarJobs(deps.database, (tx) =>
      tx
        .select({ id: avatar.id, ...keyColumns })
        .from(avatar)
        .where(
          or(
            and(inArray(avatar.status, ['pending', 'rejected', 'superseded']), lt(avatar.createdAt, cutoff)),
            // A deleted account's picture is personal data: it goes with the account.
            sql`${avatar.userId} in (select id from "user" where deleted_at is not null)`,
          ),
        )
        .limit(batchSize),
    );
    for (const row of doomed) {
      await deleteObjects(deps.storage, row);
      await asAvatarJobs(deps.database, (tx) => tx.delete(avatar).where(eq(avatar.id, row.id)));
      removed += 1;
    }
    if (doomed.length < batchSize) break;
  }
  const sweepBefore = new Date(Date.now() - UPLOAD_SWEEP_AFTER_MINUTES * 60_000);
  for (;;) {
    const unswept = await asAvatarJobs(deps.database, (tx) =>
      tx
        .select({ id: avatar.id, storageKey: avatar.storageKey })
        .from(avatar)
        .where(
          and(
            isNull(avatar.uploadSweptAt),
            lt(avatar.createdAt, sweepBefore),
            sql`${avatar.storageKey} <> ${avatar.finalKey}`,
          ),
        )
        .limit(batchSize),
    );
    for (const row of unswept) {
      await deps.storage.delete(row.storageKey);
      await asAvatarJobs(deps.database, async (tx) => {
        await tx.update(avatar).set({ uploadSweptAt: new Date() }).where(eq(avatar.id, row.id));
        await tx
          .update(avatar)
          .set({
            status: 'rejected',
            rejectedReason: 'The upload was not completed in time.',
            completedAt: new Date(),
          })
          .where(and(eq(avatar.id, row.id), eq(avatar.status, 'pending')));
      });
    }
    if (unswept.length < batchSize) return removed;
  }
}
