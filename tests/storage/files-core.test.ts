import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanUpFiles,
  completeUpload,
  createS3Storage,
  createUpload,
  deleteFile,
  prepareBucket,
  scanFile,
  storageUsage,
  type FileDeps,
  type FileScanner,
  type PresignedUpload,
  type S3StorageConfig,
} from '@plinth/core/storage';
import { resolveMembership, type MemberActor } from '@plinth/core/tenancy';
import { auditLog, file } from '@plinth/db';
import { addMember, createProject, createUser, createWorkspace, useTestDatabase } from '@plinth/testing';
import { startLocalS3, type LocalS3 } from '@plinth/testing/local-s3';
import sharp from 'sharp';

// The file state machine in core, against the local S3 server: the scan seam (a test scanner that
// flags a file), and the cleanup job (abandoned uploads, rejected rows, deleted files after the
// restore window). The jobs queue is left out, so completing runs the scan inline.
const testDb = useTestDatabase();
let s3: LocalS3;
let config: S3StorageConfig;
let actor: MemberActor;
let owner: MemberActor;
let workspaceId: string;
let projectId: string;

const EICAR = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');

/** Flags any file holding the EICAR test string, as ClamAV would. */
const flaggingScanner: FileScanner & { scanned: string[] } = {
  name: 'test scanner',
  scanned: [],
  async scan({ key, read }) {
    this.scanned.push(key);
    const bytes = await read();
    return bytes?.includes(EICAR) ? { clean: false, reason: 'Eicar-Test-Signature' } : { clean: true };
  },
};

beforeAll(async () => {
  s3 = await startLocalS3();
  config = {
    endpoint: s3.url,
    region: s3.region,
    bucket: 'files-core',
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
    publicBaseUrl: undefined,
  };
  await prepareBucket(config, ['http://localhost']);
  const person = await createUser(testDb.app);
  const ws = await createWorkspace(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: person, role: 'member' });
  workspaceId = ws.id;
  projectId = (await createProject(testDb.app, { workspace: ws, createdBy: person })).id;
  actor = (await resolveMembership(testDb.app, person.id, ws.slug)).actor;
  const ownerPerson = await createUser(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: ownerPerson, role: 'owner' });
  owner = (await resolveMembership(testDb.app, ownerPerson.id, ws.slug)).actor;
});
afterAll(() => s3.stop());

const deps = (): FileDeps => ({
  database: testDb.app,
  storage: createS3Storage(config),
  scanner: flaggingScanner,
});

async function post(upload: PresignedUpload, bytes: Buffer) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)]));
  const response = await fetch(upload.url, { method: 'POST', body: form });
  expect(response.status).toBe(204);
}

async function uploaded(bytes: Buffer, name = 'notes.txt') {
  const { file: declared, upload } = await createUpload(deps(), actor, {
    name,
    content_type: 'text/plain',
    size: bytes.length,
    purpose: 'attachment',
    project_id: projectId,
  });
  await post(upload, bytes);
  return { declared, key: upload.fields.key! };
}

const rowOf = async (id: string) => (await testDb.owner.db.select().from(file).where(eq(file.id, id)))[0];

describe('the scan seam', () => {
  it('a clean file goes pending_scan → ready; the scanner reads the checked copy, not the upload key', async () => {
    const { declared, key } = await uploaded(Buffer.from('just notes'));
    const done = await completeUpload(deps(), actor, declared.id);
    expect(done.status).toBe('ready');
    const { finalKey } = (await rowOf(declared.id))!;
    expect(finalKey).toMatch(new RegExp(`^workspaces/${workspaceId}/attachment/[0-9a-f-]{36}$`));
    expect(finalKey).not.toBe(key);
    expect(flaggingScanner.scanned).toContain(finalKey);
    expect(flaggingScanner.scanned).not.toContain(key);
    expect(s3.objects(config.bucket).has(key)).toBe(false);
    expect(s3.objects(config.bucket).has(finalKey)).toBe(true);
  });

  it('a flagged file is rejected: object deleted, unreadable, not counted, audited', async () => {
    const before = await storageUsage({ database: testDb.app }, workspaceId);
    const { declared, key } = await uploaded(EICAR, 'eicar.txt');
    const done = await completeUpload(deps(), actor, declared.id);
    expect(done).toMatchObject({ status: 'rejected', rejectedReason: 'Scan: Eicar-Test-Signature' });
    expect(s3.objects(config.bucket).has(key)).toBe(false);
    expect(s3.objects(config.bucket).has((await rowOf(declared.id))!.finalKey)).toBe(false);
    expect(await storageUsage({ database: testDb.app }, workspaceId)).toEqual(before);
    const [audited] = await testDb.owner.db
      .select({ metadata: auditLog.metadata })
      .from(auditLog)
      .where(eq(auditLog.action, 'file.scan_flagged'));
    expect(audited?.metadata).toMatchObject({ scanner: 'test scanner', reason: 'Eicar-Test-Signature' });
  });

  it('a scanner that fails leaves the file pending_scan for the retry', async () => {
    const { declared } = await uploaded(Buffer.from('more notes'));
    const failing: FileScanner = { name: 'down', scan: () => Promise.reject(new Error('clamd unreachable')) };
    const error = await completeUpload({ ...deps(), scanner: failing }, actor, declared.id).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((await rowOf(declared.id))?.status).toBe('pending_scan');
    expect((await scanFile(deps(), workspaceId, declared.id))?.status).toBe('ready');
  });
});

describe('cleanup', () => {
  it('removes abandoned uploads and their objects, rejected rows, and deleted files after the window', async () => {
    const abandoned = await uploaded(Buffer.from('never completed'));
    const fresh = await uploaded(Buffer.from('still uploading'));
    const kept = await uploaded(Buffer.from('kept'));
    await completeUpload(deps(), actor, kept.declared.id);
    const removed = await uploaded(Buffer.from('deleted long ago'));
    await completeUpload(deps(), actor, removed.declared.id);
    await deleteFile(deps(), actor, removed.declared.id);
    await testDb.owner.pool.query(`update file set created_at = now() - interval '2 days' where id = $1`, [
      abandoned.declared.id,
    ]);
    await testDb.owner.pool.query(`update file set deleted_at = now() - interval '31 days' where id = $1`, [
      removed.declared.id,
    ]);
    await testDb.owner.pool.query(
      `update file set created_at = now() - interval '2 days' where status = 'rejected' and workspace_id = $1`,
      [workspaceId],
    );
    const counts = await cleanUpFiles(deps());
    expect(counts).toMatchObject({ pending: 1, purged: 1 });
    expect(counts.rejected).toBeGreaterThanOrEqual(1);
    expect(await rowOf(abandoned.declared.id)).toBeUndefined();
    expect(s3.objects(config.bucket).has(abandoned.key)).toBe(false);
    expect(await rowOf(removed.declared.id)).toBeUndefined();
    expect(s3.objects(config.bucket).has(removed.key)).toBe(false);
    expect(await rowOf(fresh.declared.id)).toBeDefined();
    expect(s3.objects(config.bucket).has(kept.key)).toBe(false);
    expect(s3.objects(config.bucket).has((await rowOf(kept.declared.id))!.finalKey)).toBe(true);
    expect((await rowOf(kept.declared.id))?.status).toBe('ready');
    expect(await cleanUpFiles(deps())).toEqual({ pending: 0, rejected: 0, purged: 0, swept: 0 });
  });
});

describe('logo images', () => {
  it('are resized into fixed sizes under a fresh image id, with EXIF stripped', async () => {
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366cc' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'GPS and camera data' } } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const { file: declared, upload } = await createUpload(deps(), owner, {
      name: 'logo.jpg',
      content_type: 'image/jpeg',
      size: photo.length,
      purpose: 'logo',
    });
    await post(upload, photo);
    const done = await completeUpload(deps(), owner, declared.id);
    expect(done.status).toBe('ready');
    const { variants } = (await rowOf(declared.id))!;
    expect(Object.keys(variants ?? {}).sort()).toEqual(['large', 'small']);
    for (const [name, size] of [
      ['small', 64],
      ['large', 256],
    ] as const) {
      const variant = variants![name]!;
      expect(variant.key).toMatch(
        new RegExp(`^workspaces/${workspaceId}/logo/[0-9a-f-]{36}\\.${name}\\.webp$`),
      );
      expect(variant.key.startsWith(upload.fields.key!)).toBe(false);
      expect(variant.key.startsWith((await rowOf(declared.id))!.finalKey)).toBe(false);
      const stored = s3.objects(config.bucket).get(variant.key)!;
      expect(stored.contentType).toBe('image/webp');
      const metadata = await sharp(stored.body).metadata();
      expect(metadata).toMatchObject({ format: 'webp', width: size, height: size });
      expect(metadata.exif).toBeUndefined();
    }
  });

  it('a member may not upload the logo', async () => {
    const error = await createUpload(deps(), actor, {
      name: 'logo.png',
      content_type: 'image/png',
      size: 10,
      purpose: 'logo',
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'forbidden' });
  });
});
