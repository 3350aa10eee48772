import { and, eq, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { tryDecodeId } from '@plinth/core/public-ids';
import { auditLog, avatar, file, user, workspace, type Workspace } from '@plinth/db';
import { addMember, createWorkspace, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';

// Avatars (a person's own file, in no workspace) and the workspace logo over real HTTP on real
// nodes, the browser's half played by fetch against the local S3 server: declare → POST the bytes
// straight to storage → complete (HEAD and sniff) → the resize job on the worker node → user.image /
// workspace.logo point at the small WebP, served by the redirecting image route. Every refusal is
// checked for what it leaves behind: no row, no object, user.image unchanged.
const testDb = useTestDatabase();
const app = useIdentityApp(testDb);

let alice: Person;
let bob: Person;
let member: Person;
let ws: Workspace;

/** A real 300 × 200 JPEG carrying EXIF (a copyright and a camera), which the variants must drop. */
let photo: Buffer;

beforeAll(async () => {
  [alice, bob, member] = await Promise.all([
    signedInPerson(app, testDb, 'avatar-alice'),
    signedInPerson(app, testDb, 'avatar-bob'),
    signedInPerson(app, testDb, 'avatar-member'),
  ]);
  photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'secret-owner', Make: 'PlinthCam' } })
    .toBuffer();
  ws = await createWorkspace(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: { id: alice.id } as never, role: 'owner' });
  await addMember(testDb.app, { workspace: ws, user: { id: member.id } as never, role: 'member' });
});

interface AvatarUpload {
  avatar: { id: string; status: string; urls: { small: string; large: string } | null };
  upload: { method: string; url: string; fields: Record<string, string>; expires_at: string };
}

const post = (person: Person, path: string, body: unknown = {}) =>
  person.client.post(`/api/v1${path}`, body as Record<string, unknown>, { origin: app.url });

const declare = (person: Person, body: Record<string, unknown>) => post(person, '/me/avatar', body);

async function declared(person: Person, bytes: Buffer, type = 'image/jpeg'): Promise<AvatarUpload> {
  const response = await declare(person, { content_type: type, size: bytes.length });
  expect(response.status, JSON.stringify(response.data)).toBe(201);
  return response.data as unknown as AvatarUpload;
}

async function send(
  upload: AvatarUpload['upload'] | { url: string; fields: Record<string, string> },
  bytes: Buffer,
  edit: (form: FormData) => void = () => {},
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  edit(form);
  form.append('file', new Blob([new Uint8Array(bytes)]), 'upload');
  return fetch(upload.url, { method: 'POST', body: form, headers: { origin: app.url } });
}

const complete = (person: Person, id: string) => post(person, `/me/avatar/${id}/complete`);

const objectKeys = (prefix = '') =>
  [...app.s3.objects(app.storageEnv.bucket).keys()].filter((key) => key.startsWith(prefix));

const imageOf = async (person: Person) =>
  (await testDb.owner.db.select({ image: user.image }).from(user).where(eq(user.id, person.id)))[0]!.image;

const avatarRows = (person: Person) =>
  testDb.owner.db.select().from(avatar).where(eq(avatar.userId, person.id));

async function until<T>(what: string, probe: () => Promise<T | undefined | null>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Follows an image URL as a browser would: our route's 302, then storage's answer. */
async function fetchImage(url: string): Promise<{ redirect: Response; image: Response }> {
  const redirect = await fetch(new URL(url, app.url), { redirect: 'manual' });
  const location = redirect.headers.get('location');
  const image = await fetch(location ?? 'http://127.0.0.1:9/');
  return { redirect, image };
}

describe('an avatar', () => {
  it('uploads straight to storage, is resized by the job with EXIF dropped, and user.image points at it', async () => {
    const { avatar: declaredAvatar, upload } = await declared(alice, photo);
    expect(declaredAvatar).toMatchObject({ status: 'pending', urls: null });
    expect(upload.url.startsWith(app.s3.url)).toBe(true);
    expect(upload.fields.key).toMatch(new RegExp(`^users/${alice.id}/avatar/[0-9a-f-]{36}$`));
    expect((await send(upload, photo)).status).toBe(204);

    const completed = await complete(alice, declaredAvatar.id);
    expect(completed.status, JSON.stringify(completed.data)).toBe(200);
    expect(completed.data).toMatchObject({ status: 'ready' });

    const resized = await until('the resize', async () => {
      const response = await alice.client.get('/api/v1/me/avatar');
      return (response.data as AvatarUpload['avatar']).urls;
    });
    expect(resized.small).toMatch(new RegExp(`^/api/v1/images/avatar/${alice.id}/[0-9a-f-]{36}/small$`));
    expect(await imageOf(alice)).toBe(resized.small);
    // The variants live under a fresh image id: nothing about the original's key is published.
    const [row] = (await avatarRows(alice)).filter((r) => r.id === tryDecodeId('avt', declaredAvatar.id));
    const imageId = resized.small.split('/')[6]!;
    expect(objectKeys(`users/${alice.id}/avatar/${imageId}.`).sort()).toEqual([
      `users/${alice.id}/avatar/${imageId}.large.webp`,
      `users/${alice.id}/avatar/${imageId}.small.webp`,
    ]);
    expect([upload.fields.key, row!.finalKey]).not.toContain(`users/${alice.id}/avatar/${imageId}`);
    expect(objectKeys(upload.fields.key)).toEqual([]);
    expect(objectKeys(row!.finalKey)).toEqual([row!.finalKey]);

    // Anyone shown the URL may fetch it: no cookie here.
    const { redirect, image } = await fetchImage(resized.small);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')?.startsWith(app.s3.url)).toBe(true);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    const bytes = Buffer.from(await image.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 64, height: 64 });
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('secret-owner'))).toBe(false);

    const actions = await testDb.owner.db
      .select({ action: auditLog.action, workspaceId: auditLog.workspaceId })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, alice.id), eq(auditLog.targetType, 'avatar')));
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'avatar.upload_started', workspaceId: null },
        { action: 'avatar.uploaded', workspaceId: null },
      ]),
    );
  });

  it('replaces the previous avatar (its objects deleted), and removing it leaves the initials', async () => {
    const before = (await avatarRows(alice)).filter((row) => row.status === 'ready');
    const beforeKeys = [before[0]!.finalKey, ...Object.values(before[0]!.variants ?? {}).map((v) => v.key)];
    expect(before).toHaveLength(1);
    const png = await sharp({ create: { width: 80, height: 80, channels: 4, background: '#ff0000' } })
      .png()
      .toBuffer();
    const { avatar: next, upload } = await declared(alice, png, 'image/png');
    await send(upload, png);
    expect((await complete(alice, next.id)).status).toBe(200);
    for (const key of beforeKeys) expect(objectKeys(key)).toEqual([]);
    await until('the second resize', async () => (await imageOf(alice))?.includes('/small'));
    const current = (await avatarRows(alice)).filter((row) => row.status !== 'superseded');
    expect(current.map((row) => row.storageKey)).toEqual([upload.fields.key]);

    const removed = await alice.client.request('/api/v1/me/avatar', {
      method: 'DELETE',
      headers: { origin: app.url },
    });
    expect(removed.status).toBe(204);
    expect(await imageOf(alice)).toBeNull();
    // The rows stay, superseded, until the cleanup job has swept their upload keys; no object does.
    expect((await avatarRows(alice)).map((row) => row.status)).toEqual(['superseded', 'superseded']);
    expect(objectKeys(`users/${alice.id}/`)).toEqual([]);
    expect((await alice.client.get('/api/v1/me/avatar')).status).toBe(404);
    const [entry] = await testDb.owner.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, alice.id), eq(auditLog.action, 'avatar.removed')));
    expect(entry).toBeDefined();
  });
});

describe('bad input for an avatar', () => {
  it.each([
    ['an SVG', { content_type: 'image/svg+xml' }, 'content_type'],
    ['HTML', { content_type: 'text/html' }, 'content_type'],
    ['a GIF', { content_type: 'image/gif' }, 'content_type'],
    ['a missing type', { content_type: undefined }, 'content_type'],
    ['a 0-byte file', { size: 0 }, 'size'],
    ['a 6 MB file', { size: 6 * 1024 * 1024 }, 'size'],
    ['a 101 MB file', { size: 101 * 1024 * 1024 }, 'size'],
    ['a fractional size', { size: 1.5 }, 'size'],
    ['a size as a string', { size: '100' }, 'size'],
    ['a key of its own choosing', { key: `users/${'0'.repeat(8)}/avatar/x` }, 'key'],
  ])('refuses %s with a 400 naming the field, writing nothing', async (_label, overrides, field) => {
    const body: Record<string, unknown> = { content_type: 'image/png', size: 1000, ...overrides };
    for (const [name, value] of Object.entries(body)) if (value === undefined) delete body[name];
    const rows = (await avatarRows(bob)).length;
    const response = await declare(bob, body);
    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({
      error: { code: 'invalid_input', fields: { [field]: expect.any(String) } },
    });
    expect((await avatarRows(bob)).length).toBe(rows);
  });

  it('rejects an SVG with script sent as a PNG: object deleted, user.image unchanged', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const image = await imageOf(bob);
    const { avatar: a, upload } = await declared(bob, svg, 'image/png');
    expect((await send(upload, svg)).status).toBe(204);
    const completed = await complete(bob, a.id);
    expect(completed.status).toBe(400);
    expect(completed.data).toMatchObject({
      error: { code: 'invalid_input', fields: { content_type: expect.any(String) } },
    });
    expect(objectKeys(upload.fields.key)).toEqual([]);
    expect((await avatarRows(bob)).find((r) => r.storageKey === upload.fields.key)?.status).toBe('rejected');
    expect(await imageOf(bob)).toBe(image);
    expect((await complete(bob, a.id)).status).toBe(409);
  });

  it('refuses at storage an upload bigger or smaller than declared, or of another type; completing finds nothing', async () => {
    for (const bytes of [Buffer.concat([photo, Buffer.from('x')]), photo.subarray(1)]) {
      const { avatar: a, upload } = await declared(bob, photo);
      expect((await send(upload, bytes)).status).toBe(400);
      expect(objectKeys(upload.fields.key)).toEqual([]);
      expect((await complete(bob, a.id)).status).toBe(409);
    }
    const { upload } = await declared(bob, photo);
    expect((await send(upload, photo, (form) => form.set('Content-Type', 'image/svg+xml'))).status).toBe(403);
    expect(
      (await send(upload, photo, (form) => form.set('key', `users/${alice.id}/avatar/mine`))).status,
    ).toBe(403);
    expect(objectKeys(`users/${alice.id}/`)).toEqual([]);
  });

  it('a declared type the bytes do not match (a PNG sent as JPEG) is rejected naming content_type', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const { avatar: a, upload } = await declared(bob, png, 'image/jpeg');
    expect((await send(upload, png)).status).toBe(204);
    const completed = await complete(bob, a.id);
    expect(completed.status).toBe(400);
    expect(completed.data).toMatchObject({ error: { fields: { content_type: expect.any(String) } } });
  });

  it("completing someone else's avatar is a 404 and changes nothing", async () => {
    const { avatar: a, upload } = await declared(bob, photo);
    await send(upload, photo);
    expect((await complete(alice, a.id)).status).toBe(404);
    expect((await avatarRows(bob)).find((r) => r.storageKey === upload.fields.key)?.status).toBe('pending');
    expect((await complete(bob, 'avt_nope')).status).toBe(404);
    expect((await complete(bob, a.id)).status).toBe(200);
  });
});

describe('the public image route', () => {
  it('serves only resized avatar and logo keys: any other path is a 404 (as every malformed path parameter)', async () => {
    const base = `${app.url}/api/v1/images`;
    const uuid = '0190f5a4-7b7e-7c3e-9a7e-0123456789ab';
    for (const path of [
      `/attachment/${uuid}/${uuid}/small`,
      `/avatar/not-a-uuid/${uuid}/small`,
      `/avatar/${uuid}/${uuid}/original`,
      `/avatar/${uuid}/..%2F..%2Fworkspaces/small`,
      `/avatar/${uuid}/${uuid}`,
    ]) {
      const response = await fetch(`${base}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    // A well-formed path of an image that does not exist redirects; storage then answers 404.
    const { redirect, image } = await fetchImage(`/api/v1/images/avatar/${uuid}/${uuid}/small`);
    expect(redirect.status).toBe(302);
    expect(image.status).toBe(404);
  });
});

describe('the workspace logo', () => {
  it('shows the initials until the job has resized it, then workspace.logo points at it; a member may not remove it', async () => {
    const { upload, file: f } = (
      await post(alice, `/workspaces/${ws.slug}/files`, {
        name: 'logo.jpg',
        content_type: 'image/jpeg',
        size: photo.length,
        purpose: 'logo',
      })
    ).data as unknown as { upload: AvatarUpload['upload']; file: { id: string } };
    await send(upload, photo);
    expect((await post(alice, `/workspaces/${ws.slug}/files/${f.id}/complete`)).status).toBe(200);
    const logo = await until('the logo resize', async () => {
      const [row] = await testDb.owner.db
        .select({ logo: workspace.logo })
        .from(workspace)
        .where(eq(workspace.id, ws.id));
      return row?.logo;
    });
    expect(logo).toMatch(new RegExp(`^/api/v1/images/logo/${ws.id}/[0-9a-f-]{36}/small$`));
    const { image } = await fetchImage(logo);
    expect(image.status).toBe(200);

    const removeLogo = (person: Person) =>
      person.client.request(`/api/v1/workspaces/${ws.slug}/logo`, {
        method: 'DELETE',
        headers: { origin: app.url },
      });
    expect((await removeLogo(member)).status).toBe(403);
    expect((await removeLogo(alice)).status).toBe(204);
    const [after] = await testDb.owner.db
      .select({ logo: workspace.logo })
      .from(workspace)
      .where(eq(workspace.id, ws.id));
    expect(after!.logo).toBeNull();
    const live = await testDb.owner.db
      .select()
      .from(file)
      .where(and(eq(file.workspaceId, ws.id), eq(file.purpose, 'logo'), isNull(file.deletedAt)));
    expect(live).toEqual([]);
  });
});
