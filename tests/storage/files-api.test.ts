import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { storageUsage } from '@plinth/core/storage';
import { auditLog, file, type Workspace } from '@plinth/db';
import { addMember, createProject, createWorkspace, useTestDatabase } from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';

// Files over real HTTP on real nodes (an API node and a worker node that scans), with the browser's
// half played by fetch against the local S3 server: declare → POST the bytes straight to storage →
// complete → download. Every refusal is checked for what it leaves behind: no row, no object, no
// change in the workspace's storage usage.
const testDb = useTestDatabase();
const app = useIdentityApp(testDb);

let owner: Person;
let viewer: Person;
let member: Person;
let outsider: Person;
let ws: Workspace;
let projectId: string;
let projectPublicId: string;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(120, 7),
]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x41)]);

beforeAll(async () => {
  [owner, viewer, member, outsider] = await Promise.all([
    signedInPerson(app, testDb, 'files-owner'),
    signedInPerson(app, testDb, 'files-viewer'),
    signedInPerson(app, testDb, 'files-member'),
    signedInPerson(app, testDb, 'files-outsider'),
  ]);
  ws = await createWorkspace(testDb.app);
  await addMember(testDb.app, { workspace: ws, user: { id: owner.id } as never, role: 'owner' });
  await addMember(testDb.app, { workspace: ws, user: { id: viewer.id } as never, role: 'viewer' });
  await addMember(testDb.app, { workspace: ws, user: { id: member.id } as never, role: 'member' });
  const created = await owner.client.post(
    `/api/v1/workspaces/${ws.slug}/projects`,
    { name: 'Files' },
    { origin: app.url },
  );
  projectPublicId = (created.data as { id: string }).id;
  const [row] = await testDb.owner.pool
    .query<{ id: string }>('select id from project where workspace_id = $1', [ws.id])
    .then((r) => r.rows);
  projectId = row!.id;
});

interface Upload {
  file: { id: string; status: string; name: string; size: number };
  upload: { method: string; url: string; fields: Record<string, string>; expires_at: string };
}

const declare = (person: Person, body: Record<string, unknown>, slug = ws.slug) =>
  person.client.post(`/api/v1/workspaces/${slug}/files`, body, { origin: app.url });

const attachment = (overrides: Record<string, unknown> = {}) => ({
  name: 'report.pdf',
  content_type: 'application/pdf',
  size: PDF.length,
  purpose: 'attachment',
  project_id: projectPublicId,
  ...overrides,
});

/** The browser's upload: the policy's fields, then the file, POSTed to storage (not to us). */
async function send(
  upload: Upload['upload'],
  bytes: Buffer,
  edit: (form: FormData) => void = () => {},
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  edit(form);
  form.append('file', new Blob([new Uint8Array(bytes)]), 'upload');
  return fetch(upload.url, { method: 'POST', body: form, headers: { origin: app.url } });
}

const complete = (person: Person, id: string, slug = ws.slug) =>
  person.client.post(`/api/v1/workspaces/${slug}/files/${id}/complete`, {}, { origin: app.url });

const getFile = (person: Person, id: string, slug = ws.slug) =>
  person.client.get(`/api/v1/workspaces/${slug}/files/${id}`);

const remove = (person: Person, id: string, slug = ws.slug) =>
  person.client.request(`/api/v1/workspaces/${slug}/files/${id}`, {
    method: 'DELETE',
    headers: { origin: app.url },
  });

const download = (person: Person, id: string, slug = ws.slug) =>
  person.client.get(`/api/v1/workspaces/${slug}/files/${id}/download`);

const rowsOf = (workspaceId: string) =>
  testDb.owner.db.select().from(file).where(eq(file.workspaceId, workspaceId));

const objectKeys = (prefix = '') =>
  [...app.s3.objects(app.storageEnv.bucket).keys()].filter((key) => key.startsWith(prefix));

async function waitForStatus(person: Person, id: string, status: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await getFile(person, id);
    if ((response.data as { status: string }).status === status) return response.data;
    if (Date.now() > deadline)
      throw new Error(`file ${id} never became ${status}: ${JSON.stringify(response.data)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function declared(person: Person, body: Record<string, unknown>): Promise<Upload> {
  const response = await declare(person, body);
  expect(response.status, JSON.stringify(response.data)).toBe(201);
  return response.data as unknown as Upload;
}

describe('uploading an attachment', () => {
  it('goes from declared to ready with the bytes only ever in storage, and downloads in another session', async () => {
    const before = await storageUsage({ database: testDb.app }, ws.id);
    const { file: declaredFile, upload } = await declared(member, attachment());
    expect(declaredFile.status).toBe('pending');
    expect(upload.url.startsWith(app.s3.url)).toBe(true);
    expect(upload.fields.key).toMatch(new RegExp(`^workspaces/${ws.id}/attachment/[0-9a-f-]{36}$`));
    const stored = await send(upload, PDF);
    expect(stored.status).toBe(204);
    expect(stored.headers.get('access-control-allow-origin')).toBe(app.url);
    const completed = await complete(member, declaredFile.id);
    expect(completed.status).toBe(200);
    expect(completed.data).toMatchObject({ status: 'pending_scan' });
    await waitForStatus(member, declaredFile.id, 'ready');

    const listed = await viewer.client.get(`/api/v1/workspaces/${ws.slug}/projects/${projectPublicId}/files`);
    expect(listed.status).toBe(200);
    expect((listed.data as { items: { id: string }[] }).items.map((f) => f.id)).toContain(declaredFile.id);

    const link = await download(viewer, declaredFile.id);
    expect(link.status).toBe(200);
    const fetched = await fetch((link.data as { url: string }).url);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('application/pdf');
    expect(fetched.headers.get('content-disposition')).toMatch(/^attachment; filename="report.pdf"/);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PDF)).toBe(true);

    const after = await storageUsage({ database: testDb.app }, ws.id);
    expect(after.usedBytes - before.usedBytes).toBe(PDF.length);
    const actions = await testDb.owner.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, ws.id), eq(auditLog.targetType, 'file')));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['file.upload_started', 'file.uploaded', 'file.scan_clean']),
    );
  });

  it.each([
    ['a 0-byte file', { size: 0 }, 'size'],
    ['a 101 MB file', { size: 101 * 1024 * 1024 }, 'size'],
    ['a fractional size', { size: 1.5 }, 'size'],
    ['a type outside the allowlist', { content_type: 'text/html' }, 'content_type'],
    ['an SVG attachment', { content_type: 'image/svg+xml' }, 'content_type'],
    [
      'an SVG logo',
      { purpose: 'logo', content_type: 'image/svg+xml', project_id: undefined },
      'content_type',
    ],
    [
      'a 6 MB logo',
      { purpose: 'logo', content_type: 'image/png', size: 6 * 1024 * 1024, project_id: undefined },
      'size',
    ],
    ['a logo with a project', { purpose: 'logo', content_type: 'image/png' }, 'project_id'],
    ['an attachment without a project', { project_id: undefined }, 'project_id'],
    ['a malformed project id', { project_id: 'proj_nope' }, 'project_id'],
    ['an unknown purpose', { purpose: 'backup' }, 'purpose'],
    ['a name with a slash', { name: '../../etc/passwd' }, 'name'],
    ['a name with a backslash', { name: 'C:\\evil.pdf' }, 'name'],
    ['a name with a control character', { name: 'bad\u0007.pdf' }, 'name'],
    ['a name with a NUL', { name: 'bad\u0000.pdf' }, 'name'],
    ['a name with an RTL override', { name: 'invoice\u202Efdp.exe' }, 'name'],
    ['a name with a right-to-left mark', { name: 'a\u200Fb.pdf' }, 'name'],
    ['a name that is ..', { name: '..' }, 'name'],
    ['an empty name', { name: '   ' }, 'name'],
    ['an unknown field', { key: 'workspaces/elsewhere/attachment/x' }, 'key'],
  ])('refuses %s with a 400 naming the field, writing nothing', async (_label, overrides, field) => {
    const body = attachment(overrides);
    for (const [name, value] of Object.entries(body))
      if (value === undefined) delete (body as Record<string, unknown>)[name];
    const before = (await rowsOf(ws.id)).length;
    const usage = await storageUsage({ database: testDb.app }, ws.id);
    const response = await declare(owner, body);
    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({
      error: { code: 'invalid_input', fields: { [field]: expect.any(String) } },
    });
    expect((await rowsOf(ws.id)).length).toBe(before);
    expect(await storageUsage({ database: testDb.app }, ws.id)).toEqual(usage);
  });

  it('refuses an upload bigger or smaller than declared at storage; completing then finds nothing', async () => {
    for (const bytes of [Buffer.concat([PDF, Buffer.from('x')]), PDF.subarray(1)]) {
      const { file: f, upload } = await declared(member, attachment());
      const stored = await send(upload, bytes);
      expect(stored.status).toBe(400);
      expect(objectKeys(upload.fields.key)).toEqual([]);
      const completed = await complete(member, f.id);
      expect(completed.status).toBe(409);
      expect((await getFile(member, f.id)).data).toMatchObject({ status: 'pending' });
    }
  });

  it('refuses at storage another content type, a key outside the policy and an extra field', async () => {
    const { upload } = await declared(member, attachment());
    const edits: ((form: FormData) => void)[] = [
      (form) => form.set('Content-Type', 'text/html'),
      (form) => form.set('key', `workspaces/${ws.id}/logo/mine`),
      (form) => form.set('key', 'workspaces/another-workspace/attachment/x'),
      (form) => form.set('acl', 'public-read'),
    ];
    for (const edit of edits) expect((await send(upload, PDF, edit)).status).toBe(403);
    expect(objectKeys(`workspaces/${ws.id}/logo/`)).toEqual([]);
    expect(objectKeys('workspaces/another-workspace/')).toEqual([]);
  });

  it('rejects an SVG (with script) sent as a PNG logo: deleted from storage, usage unchanged', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const usage = await storageUsage({ database: testDb.app }, ws.id);
    const { file: f, upload } = await declared(owner, {
      name: 'logo.png',
      content_type: 'image/png',
      size: svg.length,
      purpose: 'logo',
    });
    expect((await send(upload, svg)).status).toBe(204);
    const completed = await complete(owner, f.id);
    expect(completed.status).toBe(400);
    expect(completed.data).toMatchObject({ error: { fields: { content_type: expect.any(String) } } });
    expect((await getFile(owner, f.id)).data).toMatchObject({ status: 'rejected' });
    expect(objectKeys(upload.fields.key)).toEqual([]);
    expect((await download(owner, f.id)).status).toBe(409);
    expect(await storageUsage({ database: testDb.app }, ws.id)).toEqual(usage);
    expect((await complete(owner, f.id)).status).toBe(409);
  });

  it('accepts a real PNG logo', async () => {
    const { file: f, upload } = await declared(owner, {
      name: 'logo.png',
      content_type: 'image/png',
      size: PNG.length,
      purpose: 'logo',
    });
    expect((await send(upload, PNG)).status).toBe(204);
    expect((await complete(owner, f.id)).data).toMatchObject({ status: 'ready' });
  });
});

describe('who may do what', () => {
  it('a viewer may download but neither upload nor delete; a member may delete', async () => {
    const { file: f, upload } = await declared(member, attachment());
    await send(upload, PDF);
    await complete(member, f.id);
    await waitForStatus(member, f.id, 'ready');
    expect((await declare(viewer, attachment())).status).toBe(403);
    expect((await remove(viewer, f.id)).status).toBe(403);
    expect((await download(viewer, f.id)).status).toBe(200);
    expect((await remove(member, f.id)).status).toBe(204);
    expect((await download(owner, f.id)).status).toBe(404);
    expect((await getFile(owner, f.id)).status).toBe(404);
  });

  it('someone else completing a file, another workspace and a non-member all get 404', async () => {
    const { file: f, upload } = await declared(member, attachment());
    await send(upload, PDF);
    expect((await complete(owner, f.id)).status).toBe(404);
    const other = await createWorkspace(testDb.app);
    await addMember(testDb.app, { workspace: other, user: { id: member.id } as never, role: 'owner' });
    expect((await complete(member, f.id, other.slug)).status).toBe(404);
    expect((await download(member, f.id, other.slug)).status).toBe(404);
    expect((await remove(member, f.id, other.slug)).status).toBe(404);
    expect((await getFile(outsider, f.id)).status).toBe(404);
    expect((await download(outsider, f.id)).status).toBe(404);
    expect((await complete(member, f.id)).status).toBe(200);
  });

  it("refuses a declaration over the plan's storage limit, counting pending uploads", async () => {
    const small = await createWorkspace(testDb.app);
    await addMember(testDb.app, { workspace: small, user: { id: owner.id } as never, role: 'owner' });
    const project = await createProject(testDb.app, {
      workspace: small,
      createdBy: { id: owner.id } as never,
    });
    const { encodeId } = await import('@plinth/core/public-ids');
    const body = attachment({ size: 100 * 1024 * 1024, project_id: encodeId('proj', project.id) });
    // Free: 1 GB. Ten 100 MB declarations fit (1000 MB), the eleventh does not.
    for (let i = 0; i < 10; i++) expect((await declare(owner, body, small.slug)).status).toBe(201);
    const refused = await declare(owner, body, small.slug);
    expect(refused.status).toBe(402);
    expect((await rowsOf(small.id)).length).toBe(10);
  });
});

describe('the project id', () => {
  it('refuses a project of another workspace as not found', async () => {
    const other = await createWorkspace(testDb.app);
    const foreign = await createProject(testDb.app, {
      workspace: other,
      createdBy: { id: owner.id } as never,
    });
    const { encodeId } = await import('@plinth/core/public-ids');
    const response = await declare(owner, attachment({ project_id: encodeId('proj', foreign.id) }));
    expect(response.status).toBe(404);
    expect(projectId).toBeDefined();
  });
});
