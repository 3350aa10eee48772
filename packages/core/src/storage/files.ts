import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import {
  file,
  project,
  withTenant,
  workspace,
  type Database,
  type Executor,
  type FileRow,
  type FileStatus,
} from '@plinth/db';
import { assertCan } from '../access/index';
import { actingUserId, systemActor } from '../actor/index';
import { audit, type AuditOrigin } from '../audit/index';
import { entitlementsIn } from '../entitlements/index';
import { AppError, parseInput } from '../errors/index';
import type { JobQueue } from '../jobs/index';
import { heldSince, lockWorkspaceLimits, storageUsedIn } from '../limits/index';
import type { Logger } from '../logger/index';
import type { MemberActor } from '../tenancy/index';
import {
  DOWNLOAD_EXPIRY_SECONDS,
  filePurposes,
  UPLOAD_EXPIRY_SECONDS,
  type FilePurposeKey,
} from './purposes';
import { passThroughScanner, type FileScanner } from './scanner';
import {
  createUploadInput,
  fileId,
  listFilesInput,
  type CreateUploadInput,
  type ListFilesInput,
} from './schemas';
import { fileImageQueueName, publicImageUrl, resizeImageFile } from './images';
import { checkStoredUpload } from './sniff';
import type { PresignedUpload, Storage } from './storage';

export interface FileDeps {
  database: Database;
  storage: Storage;
  /** Queues the scan of a completed file (files.scan); without it the scan runs inline. */
  jobs?: Pick<JobQueue, 'send'>;
  scanner?: FileScanner;
  logger?: Logger;
}

/** A file row's object keys: the upload key its policy names, the checked copy, the variants. */
type Keys = Pick<FileRow, 'storageKey' | 'finalKey' | 'variants'>;

/**
 * Deletes every object a file row names (S3 DELETE is idempotent). A failure is logged, not
 * thrown, when the row's change has committed already: the cleanup job deletes them again when it
 * removes the row.
 */
export async function deleteFileObjects(
  deps: { storage: Storage; logger?: Logger },
  rows: readonly Keys[],
): Promise<void> {
  await deleteKeys(
    deps,
    rows.flatMap((row) => [
      row.finalKey,
      row.storageKey,
      ...Object.values(row.variants ?? {}).map((v) => v.key),
    ]),
  );
}

async function deleteKeys(deps: { storage: Storage; logger?: Logger }, keys: string[]): Promise<void> {
  for (const key of new Set(keys)) {
    try {
      await deps.storage.delete(key);
    } catch (error) {
      deps.logger?.warn({ err: error, key }, 'could not delete a file object; the cleanup job retries');
    }
  }
}

export type FileView = Pick<
  FileRow,
  | 'id'
  | 'purpose'
  | 'status'
  | 'name'
  | 'contentType'
  | 'size'
  | 'projectId'
  | 'createdBy'
  | 'rejectedReason'
  | 'variants'
  | 'createdAt'
  | 'completedAt'
>;

const view = {
  id: file.id,
  purpose: file.purpose,
  status: file.status,
  name: file.name,
  contentType: file.contentType,
  size: file.size,
  projectId: file.projectId,
  createdBy: file.createdBy,
  rejectedReason: file.rejectedReason,
  variants: file.variants,
  createdAt: file.createdAt,
  completedAt: file.completedAt,
};

export const fileScanQueueName = 'files.scan';

/** Live files of the actor's workspace (RLS holds the same line). */
const live = (workspaceId: string) => and(eq(file.workspaceId, workspaceId), isNull(file.deletedAt));

/** Who may act on a file of this purpose: attachments by the file permissions, the rest by their own. */
function permissionFor(purpose: FilePurposeKey, action: 'upload' | 'read' | 'delete') {
  const rule = filePurposes[purpose];
  if (!rule.project) return action === 'read' ? 'file.read' : rule.uploadPermission;
  return action === 'upload' ? rule.uploadPermission : action === 'read' ? 'file.read' : 'file.delete';
}

export async function storageUsage(
  deps: { database: Database },
  workspaceId: string,
): Promise<{ usedBytes: number; limitBytes: number }> {
  return withTenant(deps.database, workspaceId, systemActor('storage'), async (tx) => ({
    usedBytes: await storageUsedIn(tx, workspaceId),
    limitBytes: (await entitlementsIn(tx, workspaceId)).limits.storageBytes,
  }));
}

/**
 * Declares an upload: checks the purpose's allowlist, size cap and the plan's storage limit, writes
 * a `pending` row and answers a POST policy bound to its key (`workspaces/<id>/<purpose>/<uuid>`),
 * its exact size and type, for five minutes. The browser then sends the bytes to storage itself.
 * The row also names its final key (another uuid), where completing copies the upload: no policy
 * ever names that key, so what was checked is what stays.
 */
export async function createUpload(
  deps: FileDeps,
  actor: MemberActor,
  input: CreateUploadInput,
  origin: AuditOrigin = {},
): Promise<{ file: FileView; upload: PresignedUpload }> {
  const values = parseInput(createUploadInput, input);
  const purpose = filePurposes[values.purpose];
  assertCan(actor, permissionFor(values.purpose, 'upload'));
  if (!(purpose.contentTypes as readonly string[]).includes(values.content_type)) {
    throw new AppError('invalid_input', 'This type of file is not accepted here.', {
      fields: { content_type: `Use one of: ${purpose.contentTypes.join(', ')}.` },
    });
  }
  if (values.size > purpose.maxBytes) {
    throw new AppError('invalid_input', 'The file is too large.', {
      fields: { size: `A ${values.purpose} is at most ${purpose.maxBytes / 1024 / 1024} MB.` },
    });
  }
  if (purpose.project && !values.project_id) {
    throw new AppError('invalid_input', 'Name the project.', { fields: { project_id: 'Required.' } });
  }
  if (!purpose.project && values.project_id) {
    throw new AppError('invalid_input', 'This file does not belong to a project.', {
      fields: { project_id: `A ${values.purpose} has no project.` },
    });
  }
  const key = `workspaces/${actor.workspaceId}/${values.purpose}/${randomUUID()}`;
  const finalKey = `workspaces/${actor.workspaceId}/${values.purpose}/${randomUUID()}`;
  const created = await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    if (values.project_id) {
      const [target] = await tx
        .select({ id: project.id })
        .from(project)
        .where(
          and(
            eq(project.workspaceId, actor.workspaceId),
            eq(project.id, values.project_id),
            isNull(project.deletedAt),
          ),
        );
      if (!target) throw new AppError('not_found', 'Project not found.');
    }
    // Sum and insert under the workspace's limits lock: uploads declared at once see each other.
    await lockWorkspaceLimits(tx, actor.workspaceId);
    const { limits, planName } = await entitlementsIn(tx, actor.workspaceId);
    const used = await storageUsedIn(tx, actor.workspaceId);
    if (used + values.size > limits.storageBytes) {
      throw new AppError(
        'payment_required',
        `The ${planName} plan includes ${formatBytes(limits.storageBytes)} of files and this workspace uses ${formatBytes(used)}. Upgrade, or delete files, to upload this one.`,
      );
    }
    const [row] = await tx
      .insert(file)
      .values({
        workspaceId: actor.workspaceId,
        purpose: values.purpose,
        name: values.name,
        contentType: values.content_type,
        size: values.size,
        storageKey: key,
        finalKey,
        projectId: values.project_id ?? null,
        createdBy: actingUserId(actor),
      })
      .returning(view);
    await audit(
      tx,
      actor,
      {
        action: 'file.upload_started',
        target: { type: 'file', id: row!.id },
        metadata: { purpose: values.purpose, size: values.size, content_type: values.content_type },
      },
      origin,
    );
    return row!;
  });
  const upload = await deps.storage.presignUpload({
    key,
    contentType: values.content_type,
    size: values.size,
    expiresInSeconds: UPLOAD_EXPIRY_SECONDS,
  });
  return { file: created, upload };
}

type LoadedFile = FileView & { storageKey: string; finalKey: string };

async function loadFile(tx: Executor, workspaceId: string, id: string): Promise<LoadedFile | undefined> {
  const [row] = await tx
    .select({ ...view, storageKey: file.storageKey, finalKey: file.finalKey })
    .from(file)
    .where(and(live(workspaceId), eq(file.id, id)));
  return row;
}

/**
 * The browser says its upload is done. Under a lock on the row (a second completion meanwhile is
 * a 409, and copies nothing), the object its policy named is copied to the row's final key (the
 * policy may rewrite the upload key until it expires; nothing can rewrite the copy), and the copy
 * must have the declared size and type, and an image's first bytes must be that image type. Then
 * `ready` (or `pending_scan` for a scanned purpose), with the upload key deleted; otherwise both
 * objects are deleted, the row `rejected` (it no longer counts against the plan) and the answer a
 * 400 naming what was wrong. A declaration older than PENDING_UPLOAD_HOLD_MINUTES no longer holds
 * its bytes, so completing it re-checks the plan's limit (a 402, and `rejected`, when it no longer
 * fits). Only the person who declared it completes it.
 */
export async function completeUpload(
  deps: FileDeps,
  actor: MemberActor,
  id: string,
  origin: AuditOrigin = {},
): Promise<FileView> {
  const parsedId = parseInput(fileId, id);
  const row = await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    loadFile(tx, actor.workspaceId, parsedId),
  );
  if (!row) throw new AppError('not_found', 'File not found.');
  const purposeKey = row.purpose as FilePurposeKey;
  assertCan(actor, permissionFor(purposeKey, 'upload'));
  if (row.createdBy !== actingUserId(actor)) throw new AppError('not_found', 'File not found.');
  if (row.status === 'rejected') {
    throw new AppError('conflict', `This upload was rejected: ${row.rejectedReason ?? 'see the file'}.`);
  }
  if (row.status !== 'pending') return withoutKey(row);

  const purpose = filePurposes[purposeKey];
  const status: FileStatus = purpose.scan ? 'pending_scan' : 'ready';
  const reject = async (tx: Executor, reason: string) => {
    await tx
      .update(file)
      .set({ status: 'rejected', rejectedReason: reason, completedAt: new Date() })
      .where(and(live(actor.workspaceId), eq(file.id, row.id)));
    await audit(
      tx,
      actor,
      { action: 'file.rejected', target: { type: 'file', id: row.id }, metadata: { reason } },
      origin,
    );
  };
  const outcome = await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    // The claim: one completion at a time, so no second copy can land on the final key after
    // this one's checks (a concurrent request skips the locked row and answers 409).
    const [claimed] = await tx
      .select({ held: sql<boolean>`${file.createdAt} >= ${heldSince}` })
      .from(file)
      .where(and(live(actor.workspaceId), eq(file.id, row.id), eq(file.status, 'pending')))
      .for('update', { skipLocked: true });
    if (!claimed) return { kind: 'busy' } as const;

    // Everything from here on reads the copy: a second POST with the same policy changes nothing.
    const arrived = await deps.storage.copy(row.storageKey, row.finalKey);
    const checked = arrived ? await checkStoredUpload(deps.storage, row.finalKey, row) : null;
    if (!checked || checked.kind === 'missing') return { kind: 'missing' } as const;
    if (checked.kind === 'problem') {
      const { problem } = checked;
      await reject(tx, problem.reason);
      return { kind: 'rejected', problem } as const;
    }
    if (!claimed.held) {
      // The declaration stopped holding its bytes: it must fit again, under the limits lock.
      await lockWorkspaceLimits(tx, actor.workspaceId);
      const { limits, planName } = await entitlementsIn(tx, actor.workspaceId);
      const used = await storageUsedIn(tx, actor.workspaceId, { except: row.id });
      if (used + row.size > limits.storageBytes) {
        await reject(tx, "The plan's storage limit was reached before the upload was completed.");
        return {
          kind: 'over_limit',
          message: `The ${planName} plan includes ${formatBytes(limits.storageBytes)} of files and this workspace uses ${formatBytes(used)}. Upgrade, or delete files, then upload this one again.`,
        } as const;
      }
    }
    const [updated] = await tx
      .update(file)
      .set({ status, completedAt: new Date() })
      .where(and(live(actor.workspaceId), eq(file.id, row.id), eq(file.status, 'pending')))
      .returning(view);
    let retired: Keys[] = [];
    if (purposeKey === 'logo') {
      // A new logo replaces the old at once: the old files are deleted with their objects and the
      // pages show the initials until the resize job points workspace.logo here.
      retired = await retireLogos(tx, actor.workspaceId, row.id);
    }
    await audit(
      tx,
      actor,
      {
        action: 'file.uploaded',
        target: { type: 'file', id: row.id },
        metadata: { purpose: row.purpose, status },
      },
      origin,
    );
    return { kind: 'completed', completed: updated!, retired } as const;
  });

  switch (outcome.kind) {
    case 'busy': {
      const now = await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
        loadFile(tx, actor.workspaceId, row.id),
      );
      if (!now) throw new AppError('not_found', 'File not found.');
      if (now.status === 'pending') {
        throw new AppError('conflict', 'This upload is being completed by another request; fetch it again.');
      }
      if (now.status === 'rejected') {
        throw new AppError('conflict', `This upload was rejected: ${now.rejectedReason ?? 'see the file'}.`);
      }
      return withoutKey(now);
    }
    case 'missing':
      throw new AppError(
        'conflict',
        'The upload has not arrived in storage yet. Upload the file, then complete it.',
      );
    case 'rejected':
      await deleteFileObjects(deps, [row]);
      throw new AppError('invalid_input', 'The upload was rejected.', {
        fields: { [outcome.problem.field]: outcome.problem.reason },
      });
    case 'over_limit':
      await deleteFileObjects(deps, [row]);
      throw new AppError('payment_required', outcome.message);
    case 'completed':
      break;
  }
  const { completed, retired } = outcome;
  // The upload key has served its purpose (the cleanup job deletes it once more after the policy
  // has expired, in case it was POSTed to again).
  await deleteKeys(deps, [row.storageKey]);
  await deleteFileObjects(deps, retired);
  if (status === 'ready' && purpose.image) {
    const job = { workspaceId: actor.workspaceId, fileId: row.id };
    if (deps.jobs) await deps.jobs.send(fileImageQueueName, job);
    else await resizeImageFile(deps, job);
  }
  if (status === 'pending_scan') {
    if (!deps.jobs) return (await scanFile(deps, actor.workspaceId, row.id)) ?? completed;
    // The job's id is the file's: a second send (the cleanup job re-sends scans that were lost
    // between this commit and this send) is a no-op while the first is queued.
    await deps.jobs.send(
      fileScanQueueName,
      { workspaceId: actor.workspaceId, fileId: row.id },
      { id: row.id },
    );
  }
  return completed;
}

/**
 * The scan job: asks the scanner about a `pending_scan` file's checked copy (its final key, the
 * bytes downloads will serve). Clean → `ready`; flagged → its objects are deleted and the row
 * `rejected` with the scanner's reason. A scanner that throws leaves it pending_scan, and the job
 * retries.
 */
export async function scanFile(
  deps: Pick<FileDeps, 'database' | 'storage' | 'scanner' | 'logger'>,
  workspaceId: string,
  id: string,
): Promise<FileView | undefined> {
  const actor = systemActor('files.scan');
  const row = await withTenant(deps.database, workspaceId, actor, (tx) => loadFile(tx, workspaceId, id));
  if (!row || row.status !== 'pending_scan') return row ? withoutKey(row) : undefined;
  const scanner = deps.scanner ?? passThroughScanner;
  if (scanner === passThroughScanner)
    deps.logger?.warn({ fileId: id }, 'file passed without a virus scan (no FileScanner configured)');
  const verdict = await scanner.scan({ key: row.finalKey, read: () => deps.storage.read(row.finalKey) });
  if (!verdict.clean) await deleteFileObjects(deps, [row]);
  return withTenant(deps.database, workspaceId, actor, async (tx) => {
    const [updated] = await tx
      .update(file)
      .set(
        verdict.clean
          ? { status: 'ready' }
          : { status: 'rejected', rejectedReason: `Scan: ${verdict.reason}` },
      )
      .where(and(live(workspaceId), eq(file.id, id), eq(file.status, 'pending_scan')))
      .returning(view);
    await audit(
      tx,
      { ...actor, workspaceId },
      {
        action: verdict.clean ? 'file.scan_clean' : 'file.scan_flagged',
        target: { type: 'file', id },
        metadata: { scanner: scanner.name, ...(verdict.clean ? {} : { reason: verdict.reason }) },
      },
    );
    return updated;
  });
}

/** A project's files (not deleted, not rejected), newest first; uploads still pending show as such. */
export async function listFiles(
  deps: { database: Database },
  actor: MemberActor,
  input: ListFilesInput,
): Promise<{ items: FileView[]; nextCursor: string | null }> {
  assertCan(actor, 'file.read');
  const { project_id: projectId, limit, cursor } = parseInput(listFilesInput, input);
  const rows = await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const [target] = await tx
      .select({ id: project.id })
      .from(project)
      .where(
        and(eq(project.workspaceId, actor.workspaceId), eq(project.id, projectId), isNull(project.deletedAt)),
      );
    if (!target) throw new AppError('not_found', 'Project not found.');
    return tx
      .select(view)
      .from(file)
      .where(
        and(
          live(actor.workspaceId),
          eq(file.projectId, projectId),
          inArray(file.status, ['pending', 'pending_scan', 'ready']),
          cursor ? lt(file.id, cursor) : undefined,
        ),
      )
      .orderBy(desc(file.id))
      .limit(limit + 1);
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

export async function getFile(
  deps: { database: Database },
  actor: MemberActor,
  id: string,
): Promise<FileView> {
  const parsedId = parseInput(fileId, id);
  const row = await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    loadFile(tx, actor.workspaceId, parsedId),
  );
  if (!row) throw new AppError('not_found', 'File not found.');
  assertCan(actor, permissionFor(row.purpose as FilePurposeKey, 'read'));
  return withoutKey(row);
}

/**
 * A short-lived signed GET for a ready file, answering with the type we stored (never what the
 * uploader's browser claimed at upload time) and `Content-Disposition: attachment` with its name.
 */
export async function downloadFile(
  deps: Pick<FileDeps, 'database' | 'storage'>,
  actor: MemberActor,
  id: string,
): Promise<{ url: string; expiresAt: Date }> {
  const parsedId = parseInput(fileId, id);
  const row = await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    loadFile(tx, actor.workspaceId, parsedId),
  );
  if (!row) throw new AppError('not_found', 'File not found.');
  assertCan(actor, permissionFor(row.purpose as FilePurposeKey, 'read'));
  if (row.status !== 'ready') {
    throw new AppError(
      'conflict',
      row.status === 'rejected' ? 'This file was rejected.' : 'This file is not ready yet.',
    );
  }
  const url = await deps.storage.presignDownload({
    key: row.finalKey,
    contentType: row.contentType,
    fileName: row.name,
    disposition: 'attachment',
    expiresInSeconds: DOWNLOAD_EXPIRY_SECONDS,
  });
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_EXPIRY_SECONDS * 1000) };
}

/**
 * Deletes a file: the row is soft-deleted (unreadable at once, no longer counted against the plan,
 * kept for the record) and, once that has committed, its objects are deleted. There is no file
 * restore, so the bytes do not outlive the quota they no longer use; the cleanup job removes the
 * row after the restore window, deleting the objects once more.
 */
export async function deleteFile(
  deps: { database: Database; storage: Storage; logger?: Logger },
  actor: MemberActor,
  id: string,
  origin: AuditOrigin = {},
): Promise<void> {
  const parsedId = parseInput(fileId, id);
  const deleted = await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const row = await loadFile(tx, actor.workspaceId, parsedId);
    if (!row) throw new AppError('not_found', 'File not found.');
    assertCan(actor, permissionFor(row.purpose as FilePurposeKey, 'delete'));
    await tx
      .update(file)
      .set({ deletedAt: new Date() })
      .where(and(live(actor.workspaceId), eq(file.id, parsedId)));
    await audit(
      tx,
      actor,
      {
        action: 'file.deleted',
        target: { type: 'file', id: parsedId },
        metadata: { name: row.name, purpose: row.purpose },
      },
      origin,
    );
    return row;
  });
  await deleteFileObjects(deps, [deleted]);
}

/**
 * Soft-deletes the workspace's live logo files but `keep`, and clears `workspace.logo`; answers
 * their keys, for the caller to delete their objects once this has committed.
 */
async function retireLogos(tx: Executor, workspaceId: string, keep?: string): Promise<Keys[]> {
  const retired = await tx
    .update(file)
    .set({ deletedAt: new Date() })
    .where(and(live(workspaceId), eq(file.purpose, 'logo'), keep ? sql`${file.id} <> ${keep}` : undefined))
    .returning({ storageKey: file.storageKey, finalKey: file.finalKey, variants: file.variants });
  await tx.update(workspace).set({ logo: null }).where(eq(workspace.id, workspaceId));
  return retired;
}

/**
 * The workspace's current logo: the newest ready logo file, with its resized images' URLs once the
 * job has run (null before: show the initials); null when there is none. Anyone in the workspace.
 */
export async function getWorkspaceLogo(
  deps: { database: Database; storage: Pick<Storage, 'publicUrl'> },
  actor: MemberActor,
): Promise<{ id: string; status: 'ready'; urls: { small: string; large: string } | null } | null> {
  assertCan(actor, 'file.read');
  const [row] = await withTenant(deps.database, actor.workspaceId, actor, (tx) =>
    tx
      .select({ id: file.id, variants: file.variants })
      .from(file)
      .where(and(live(actor.workspaceId), eq(file.purpose, 'logo'), eq(file.status, 'ready')))
      .orderBy(desc(file.id))
      .limit(1),
  );
  if (!row) return null;
  const { small, large } = row.variants ?? {};
  return {
    id: row.id,
    status: 'ready',
    urls:
      small && large
        ? { small: publicImageUrl(deps.storage, small.key), large: publicImageUrl(deps.storage, large.key) }
        : null,
  };
}

/**
 * Removes the workspace's logo: its files are soft-deleted like any file, with their objects (the
 * public variants too), and `workspace.logo` is cleared, so the pages show the initials. Needs
 * `workspace.update`, like uploading one.
 */
export async function removeWorkspaceLogo(
  deps: { database: Database; storage: Storage; logger?: Logger },
  actor: MemberActor,
  origin: AuditOrigin = {},
): Promise<void> {
  assertCan(actor, filePurposes.logo.uploadPermission);
  const removed = await withTenant(deps.database, actor.workspaceId, actor, async (tx) => {
    const removed = await retireLogos(tx, actor.workspaceId);
    await audit(
      tx,
      actor,
      {
        action: 'workspace.logo_removed',
        target: { type: 'workspace', id: actor.workspaceId },
        metadata: { files: removed.length },
      },
      origin,
    );
    return removed;
  });
  await deleteFileObjects(deps, removed);
}

function withoutKey(row: LoadedFile): FileView {
  const { storageKey: _key, finalKey: _final, ...rest } = row;
  return rest;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Number((bytes / 1024 ** 3).toFixed(1))} GB`;
  if (bytes >= 1024 ** 2) return `${Number((bytes / 1024 ** 2).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
