import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanUpAvatars,
  cleanUpFiles,
  completeAvatarUpload,
  completeUpload,
  createAvatarUpload,
  createS3Storage,
  createUpload,
  deleteFile,
  downloadFile,
  prepareBucket,
  removeAvatar,
  removeWorkspaceLogo,
  resizeAvatar,
  resizeImageFile,
  storageUsage,
  type AvatarDeps,
  type FileDeps,
  type FileScanner,
  type PresignedUpload,
  type S3StorageConfig,
} from '@plinth/core/storage';
import { resolveMembership, type MemberActor } from '@plinth/core/tenancy';
import { avatar, file } from '@plinth/db';
import {
  addMember,
  createProject,
  createUser,
  createWorkspace,
  rejectionOf,
  useTestDatabase,
} from '@plinth/testing';
import { startLocalS3, type LocalS3 } from '@plinth/testing/local-s3';

// The review's attack sequences (findings H1, H2, M3, M5, L4), each replayed against the fix in
// core over the local S3 server and real Postgres: a POST policy that is reused after completion,
// objects written behind rows that are gone, originals reachable from their variants' keys, bytes
// kept after a delete, and abandoned declarations holding the plan's storage.
const testDb = useTestDatabase();
let s3: LocalS3;
let config: S3StorageConfig;
let member: MemberActor;
let owner: MemberActor;
let workspaceId: string;
let projectId: string;
let person: { type: 'user'; id: string; impersonatorId: undefined };

const EICAR = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');
const scanner: FileScanner = {
  name: 'test scanner',
  async scan({ read }) {
    const bytes = await read();
    return bytes?.includes(EICAR) ? { clean: false, reason: 'Eicar-Test-Signature' } : { clean: true };
  },
};

/** A job queue that only records what it was sent, so the test runs each job when it chooses. */
function recordingJobs() {
  const sent: { name: string; data: Record<string, string> }[] = [];
  return {
    sent,
    jobs: {
      send: async (name: string, data: object) => {
        sent.push({ name, data: data as Record<string, string> });
        return null;
      },
    } as unknown as NonNullable<FileDeps['jobs']>,
  };
}

beforeAll(async () => {
  s3 = await startLocalS3();
  config = {
    endpoint: s3.url,
    region: s3.region,
    bucket: 'files-abuse',
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
    publicBaseUrl: undefined,
  };
  await prepareBucket(config, ['http://localhost']);
  const ws = await createWorkspace(testDb.app);
  const memberPerson = await createUser(testDb.app);
  const ownerPerson = await createUser(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: memberPerson, role: 'member' });
  await addMember(testDb.app, { workspace: ws, user: ownerPerson, role: 'owner' });
  workspaceId = ws.id;
  projectId = (await createProject(testDb.app, { workspace: ws, createdBy: memberPerson })).id;
  member = (await resolveMembership(testDb.app, memberPerson.id, ws.slug)).actor;
  owner = (await resolveMembership(testDb.app, ownerPerson.id, ws.slug)).actor;
  person = { type: 'user', id: (await createUser(testDb.app)).id, impersonatorId: undefined };
});
afterAll(() => s3.stop());

const storage = () => createS3Storage(config);
const deps = (extra: Partial<FileDeps> = {}): FileDeps => ({
  database: testDb.app,
  storage: storage(),
  scanner,
  ...extra,
});
const avatarDeps = (extra: Partial<AvatarDeps> = {}): AvatarDeps => ({
  database: testDb.app,
  storage: storage(),
  ...extra,
});

/** The browser's (or the attacker's) POST of a signed form to storage. */
async function post(upload: PresignedUpload, bytes: Buffer): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)]));
  return (await fetch(upload.url, { method: 'POST', body: form })).status;
}

const has = (key: string) => s3.objects(config.bucket).has(key);
const keysUnder = (prefix: string) =>
  [...s3.objects(config.bucket).keys()].filter((k) => k.startsWith(prefix));
const fileRow = async (id: string) => (await testDb.owner.db.select().from(file).where(eq(file.id, id)))[0];
const avatarRow = async (id: string) =>
  (await testDb.owner.db.select().from(avatar).where(eq(avatar.id, id)))[0];
const age = (table: 'file' | 'avatar', id: string, interval: string) =>
  testDb.owner.pool.query(`update ${table} set created_at = now() - $2::interval where id = $1`, [
    id,
    interval,
  ]);

/** `bytes` padded with spaces to exactly `size` (the policy admits exactly the declared size). */
const padded = (bytes: Buffer, size: number) =>
  Buffer.concat([bytes, Buffer.alloc(size - bytes.length, 0x20)]);

/** A solid square PNG, stored uncompressed: every colour gives the same byte length. */
const squarePng = (background: string) =>
  sharp({ create: { width: 32, height: 32, channels: 3, background } })
    .png({ compressionLevel: 0 })
    .toBuffer();

async function attachment(bytes: Buffer, extra: Partial<FileDeps> = {}) {
  const declared = await createUpload(deps(extra), member, {
    name: 'notes.txt',
    content_type: 'text/plain',
    size: bytes.length,
    purpose: 'attachment',
    project_id: projectId,
  });
  expect(await post(declared.upload, bytes)).toBe(204);
  return declared;
}

describe('H1: a signed upload reused after completion', () => {
  it('cannot replace what was checked and scanned: downloads serve the scanned bytes', async () => {
    const clean = padded(Buffer.from('quarterly notes'), 200);
    const { file: f, upload } = await attachment(clean);
    const done = await completeUpload(deps(), member, f.id);
    expect(done.status).toBe('ready');
    // The attacker POSTs the same fields again, within the five minutes, with malware of that size.
    expect(await post(upload, padded(EICAR, 200))).toBe(204);
    const { url } = await downloadFile(deps(), owner, f.id);
    const served = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(served.equals(clean)).toBe(true);
    expect(served.includes(EICAR)).toBe(false);
  });

  it('two completions at once: the second copies nothing over the first one’s checked copy', async () => {
    const clean = padded(Buffer.from('raced notes'), 200);
    const { file: f, upload } = await attachment(clean);
    // The first completion stops right after its copy, before its checks.
    let release!: () => void;
    let copied!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const afterCopy = new Promise<void>((resolve) => (copied = resolve));
    const real = storage();
    const slow = {
      ...real,
      copy: async (from: string, to: string) => {
        const done = await real.copy(from, to);
        copied();
        await paused;
        return done;
      },
    };
    const first = completeUpload(deps({ storage: slow }), member, f.id);
    await afterCopy;
    expect(await post(upload, padded(EICAR, 200))).toBe(204);
    expect(await rejectionOf(completeUpload(deps(), member, f.id))).toMatchObject({ code: 'conflict' });
    release();
    expect((await first).status).toBe('ready');
    const { url } = await downloadFile(deps(), owner, f.id);
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(clean)).toBe(true);
  });

  it('cannot swap the bytes between completion and the scan job', async () => {
    const { jobs, sent } = recordingJobs();
    const clean = padded(Buffer.from('more notes'), 200);
    const { file: f, upload } = await attachment(clean, { jobs });
    expect((await completeUpload(deps({ jobs }), member, f.id)).status).toBe('pending_scan');
    expect(await post(upload, padded(Buffer.from('swapped after the check'), 200))).toBe(204);
    const { scanFile } = await import('@plinth/core/storage');
    const scanned: Buffer[] = [];
    const recording: FileScanner = {
      name: 'recording',
      async scan({ read }) {
        scanned.push((await read())!);
        return { clean: true };
      },
    };
    expect(sent.map((s) => s.name)).toContain('files.scan');
    expect((await scanFile({ ...deps(), scanner: recording }, workspaceId, f.id))?.status).toBe('ready');
    expect(scanned[0]!.equals(clean)).toBe(true);
    const { url } = await downloadFile(deps(), owner, f.id);
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(clean)).toBe(true);
  });

  it("a logo overwritten before its resize job: the job decodes the checked copy, not the attacker's", async () => {
    const { jobs, sent } = recordingJobs();
    const red = await squarePng('#ff0000');
    const blue = await squarePng('#0000ff');
    expect(blue.length).toBe(red.length);
    const { file: f, upload } = await createUpload(deps({ jobs }), owner, {
      name: 'logo.png',
      content_type: 'image/png',
      size: red.length,
      purpose: 'logo',
    });
    expect(await post(upload, red)).toBe(204);
    expect((await completeUpload(deps({ jobs }), owner, f.id)).status).toBe('ready');
    expect(await post(upload, blue)).toBe(204);
    const job = sent.find((s) => s.name === 'files.images')!;
    const variants = await resizeImageFile(deps(), job.data as never);
    const { data } = await sharp(s3.objects(config.bucket).get(variants.small!.key)!.body)
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Red (lossy WebP: within a few levels), not the attacker's blue.
    expect(data[0]).toBeGreaterThan(240);
    expect(data[2]).toBeLessThan(16);
  });

  it('an avatar overwritten before its resize job: the job decodes the checked copy', async () => {
    const { jobs, sent } = recordingJobs();
    const red = await squarePng('#ff0000');
    const blue = await squarePng('#0000ff');
    const { avatar: a, upload } = await createAvatarUpload(avatarDeps({ jobs }), person, {
      content_type: 'image/png',
      size: red.length,
    });
    expect(await post(upload, red)).toBe(204);
    expect((await completeAvatarUpload(avatarDeps({ jobs }), person, a.id)).status).toBe('ready');
    expect(await post(upload, blue)).toBe(204);
    expect(sent.map((s) => s.name)).toContain('files.avatar-images');
    await resizeAvatar(avatarDeps(), { userId: person.id, avatarId: a.id });
    const row = await avatarRow(a.id);
    const { data } = await sharp(s3.objects(config.bucket).get(row!.variants!.small!.key)!.body)
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Red (lossy WebP: within a few levels), not the attacker's blue.
    expect(data[0]).toBeGreaterThan(240);
    expect(data[2]).toBeLessThan(16);
    await removeAvatar(avatarDeps(), person);
  });

  it('the cleanup job deletes what was re-uploaded to a ready file’s upload key once the policy has expired', async () => {
    const clean = padded(Buffer.from('kept notes'), 120);
    const { file: f, upload } = await attachment(clean);
    await completeUpload(deps(), member, f.id);
    expect(await post(upload, padded(Buffer.from('extra, uncounted'), 120))).toBe(204);
    expect(has(upload.fields.key!)).toBe(true);
    await age('file', f.id, '2 hours');
    await cleanUpFiles(deps());
    expect(has(upload.fields.key!)).toBe(false);
    expect((await fileRow(f.id))?.status).toBe('ready');
    const { url } = await downloadFile(deps(), owner, f.id);
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(clean)).toBe(true);
  });
});

describe('H2: objects behind rows that are gone', () => {
  it('a replaced pending avatar: its still-valid policy writes an object the cleanup job deletes', async () => {
    const first = await createAvatarUpload(avatarDeps(), person, { content_type: 'image/png', size: 4096 });
    await createAvatarUpload(avatarDeps(), person, { content_type: 'image/png', size: 4096 });
    // Policy A still works after its row was replaced.
    expect(await post(first.upload, padded(Buffer.from('\x89PNG'), 4096))).toBe(204);
    expect(has(first.upload.fields.key!)).toBe(true);
    await testDb.owner.pool.query(
      `update avatar set created_at = now() - interval '2 days' where user_id = $1`,
      [person.id],
    );
    await cleanUpAvatars(avatarDeps());
    expect(has(first.upload.fields.key!)).toBe(false);
    expect(keysUnder(`users/${person.id}/`)).toEqual([]);
  });

  it('a removed avatar (pending or ready): objects written afterwards through its policy are deleted', async () => {
    const png = await squarePng('#00ff00');
    const ready = await createAvatarUpload(avatarDeps(), person, {
      content_type: 'image/png',
      size: png.length,
    });
    await post(ready.upload, png);
    await completeAvatarUpload(avatarDeps(), person, ready.avatar.id);
    const pending = await createAvatarUpload(avatarDeps(), person, {
      content_type: 'image/png',
      size: png.length,
    });
    await removeAvatar(avatarDeps(), person);
    expect(await post(ready.upload, png)).toBe(204);
    expect(await post(pending.upload, png)).toBe(204);
    // Removing shows the initials at once; the rows stay until their policies are long expired.
    expect(await getImage(person.id)).toBeNull();
    await testDb.owner.pool.query(
      `update avatar set created_at = now() - interval '2 days' where user_id = $1`,
      [person.id],
    );
    await cleanUpAvatars(avatarDeps());
    expect(keysUnder(`users/${person.id}/`)).toEqual([]);
    expect(await testDb.owner.db.select().from(avatar).where(eq(avatar.userId, person.id))).toEqual([]);
  });

  it('a replaced ready avatar: its public variants go at once and its policy’s later objects by cleanup', async () => {
    const green = await squarePng('#00ff00');
    const first = await createAvatarUpload(avatarDeps(), person, {
      content_type: 'image/png',
      size: green.length,
    });
    await post(first.upload, green);
    await completeAvatarUpload(avatarDeps(), person, first.avatar.id);
    const firstVariants = Object.values((await avatarRow(first.avatar.id))!.variants ?? {}).map((v) => v.key);
    expect(firstVariants).toHaveLength(2);
    const second = await createAvatarUpload(avatarDeps(), person, {
      content_type: 'image/png',
      size: green.length,
    });
    await post(second.upload, green);
    await completeAvatarUpload(avatarDeps(), person, second.avatar.id);
    for (const key of firstVariants) expect(has(key)).toBe(false);
    expect(await post(first.upload, green)).toBe(204);
    await testDb.owner.pool.query(`update avatar set created_at = now() - interval '2 days' where id = $1`, [
      first.avatar.id,
    ]);
    await cleanUpAvatars(avatarDeps());
    expect(has(first.upload.fields.key!)).toBe(false);
    expect((await avatarRow(second.avatar.id))?.status).toBe('ready');
    await removeAvatar(avatarDeps(), person);
  });

  it('a rejected file: bytes re-POSTed to its key are deleted by the cleanup job with the row', async () => {
    const binary = Buffer.alloc(300, 0);
    const { file: f, upload } = await attachment(binary);
    const error = await rejectionOf(completeUpload(deps(), member, f.id));
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect((await fileRow(f.id))?.status).toBe('rejected');
    expect(await post(upload, binary)).toBe(204);
    await age('file', f.id, '2 days');
    await cleanUpFiles(deps());
    expect(await fileRow(f.id)).toBeUndefined();
    expect(has(upload.fields.key!)).toBe(false);
  });
});

async function getImage(userId: string) {
  const { rows } = await testDb.owner.pool.query<{ image: string | null }>(
    'select image from "user" where id = $1',
    [userId],
  );
  return rows[0]!.image;
}

describe('M3: originals behind the published variant keys', () => {
  it("a logo's and an avatar's variant keys lead to no original", async () => {
    const photo = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#3366cc' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'GPS 51.5N 0.1W' } })
      .toBuffer();
    const logo = await createUpload(deps(), owner, {
      name: 'logo.jpg',
      content_type: 'image/jpeg',
      size: photo.length,
      purpose: 'logo',
    });
    await post(logo.upload, photo);
    await completeUpload(deps(), owner, logo.file.id);
    const pic = await createAvatarUpload(avatarDeps(), person, {
      content_type: 'image/jpeg',
      size: photo.length,
    });
    await post(pic.upload, photo);
    await completeAvatarUpload(avatarDeps(), person, pic.avatar.id);
    const variantKeys = [
      ...Object.values((await fileRow(logo.file.id))!.variants!),
      ...Object.values((await avatarRow(pic.avatar.id))!.variants!),
    ].map((v) => v.key);
    expect(variantKeys).toHaveLength(4);
    for (const key of variantKeys) {
      const published = key.replace(/\.(small|large)\.webp$/u, '');
      expect(published).not.toBe(key);
      // What a CDN path derived from the variant could fetch: nothing, and never the original.
      expect(has(published)).toBe(false);
      expect(key.startsWith(logo.upload.fields.key!)).toBe(false);
      expect(key.startsWith(pic.upload.fields.key!)).toBe(false);
    }
    await removeAvatar(avatarDeps(), person);
  });
});

describe('M5: deleting frees the quota and the bytes together', () => {
  it('a deleted attachment’s objects are gone at once; the row stays for the record', async () => {
    const before = await storageUsage({ database: testDb.app }, workspaceId);
    const bytes = padded(Buffer.from('to be deleted'), 150);
    const { file: f, upload } = await attachment(bytes);
    await completeUpload(deps(), member, f.id);
    const { finalKey } = (await fileRow(f.id)) as unknown as { finalKey: string };
    expect(has(finalKey)).toBe(true);
    await deleteFile(deps(), member, f.id);
    expect(await storageUsage({ database: testDb.app }, workspaceId)).toEqual(before);
    expect(has(finalKey)).toBe(false);
    expect(has(upload.fields.key!)).toBe(false);
    expect((await fileRow(f.id))?.deletedAt).toBeInstanceOf(Date);
  });

  it("a replaced or removed logo's public variants stop being served at once", async () => {
    const logoKeys: string[][] = [];
    for (const colour of ['#112233', '#445566']) {
      const png = await squarePng(colour);
      const { file: f, upload } = await createUpload(deps(), owner, {
        name: 'logo.png',
        content_type: 'image/png',
        size: png.length,
        purpose: 'logo',
      });
      await post(upload, png);
      await completeUpload(deps(), owner, f.id);
      const row = (await fileRow(f.id)) as unknown as {
        finalKey: string;
        variants: Record<string, { key: string }>;
      };
      logoKeys.push([row.finalKey, ...Object.values(row.variants).map((v) => v.key)]);
    }
    for (const key of logoKeys[0]!) expect(has(key), key).toBe(false);
    for (const key of logoKeys[1]!) expect(has(key), key).toBe(true);
    await removeWorkspaceLogo(deps(), owner);
    for (const key of logoKeys[1]!) expect(has(key), key).toBe(false);
  });
});

describe('L4: abandoned declarations', () => {
  it('hold the plan’s storage only for the upload window; completing one late re-checks the limit', async () => {
    const ws = await createWorkspace(testDb.app);
    const someone = await createUser(testDb.app);
    await addMember(testDb.app, { workspace: ws, user: someone, role: 'owner' });
    const actor = (await resolveMembership(testDb.app, someone.id, ws.slug)).actor;
    const project = (await createProject(testDb.app, { workspace: ws, createdBy: someone })).id;
    const declare = (size: number) =>
      createUpload(deps(), actor, {
        name: 'big.bin.txt',
        content_type: 'text/plain',
        size,
        purpose: 'attachment',
        project_id: project,
      });
    const late = await declare(10);
    await post(late.upload, Buffer.from('late notes'));
    const MB100 = 100 * 1024 * 1024;
    // Free: 1 GB. Ten never-uploaded 100 MB declarations fill it...
    const abandoned = [];
    for (let i = 0; i < 10; i++) abandoned.push(await declare(MB100));
    expect(await rejectionOf(declare(MB100))).toMatchObject({ code: 'payment_required' });
    // ...until their upload window (five minutes and a grace period) has passed.
    for (const a of abandoned) await age('file', a.file.id, '1 hour');
    await age('file', late.file.id, '1 hour');
    expect((await storageUsage({ database: testDb.app }, ws.id)).usedBytes).toBe(0);
    for (let i = 0; i < 10; i++) await declare(MB100);
    const limit = (await storageUsage({ database: testDb.app }, ws.id)).limitBytes;
    await declare(limit - 10 * MB100 - 5);
    // The late upload no longer fits: completing it is refused and frees nothing it never held.
    expect(await rejectionOf(completeUpload(deps(), actor, late.file.id))).toMatchObject({
      code: 'payment_required',
    });
    expect((await fileRow(late.file.id))?.status).toBe('rejected');
    expect(has(late.upload.fields.key!)).toBe(false);
    expect((await storageUsage({ database: testDb.app }, ws.id)).usedBytes).toBe(limit - 5);
  });
});
