import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId, encodeId } from '@plinth/api';
import { invoice, withTenant } from '@plinth/db';
import {
  addMember,
  createWorkspace,
  grantPlan,
  startWebhookReceiver,
  useTestDatabase,
  type WebhookReceiver,
} from '@plinth/testing';
import { useIdentityApp } from '../identity/identity-app';
import { signedInPerson, type Person } from '../tenancy/people';
import {
  clientAs,
  createResponseValidator,
  fetchDocument,
  operationsOf,
  type ApiDocument,
  type ResponseValidator,
} from './contract-fixture';
import { createApiClient, type ApiClient, type ApiSchemas } from '@plinth/api/client';

type ApiScope = ApiSchemas['CreateApiKeyInput']['scopes'][number];

// The contract: every operation in the served OpenAPI document is called through the client
// generated from that document, and every response it gets (2xx and errors alike) has a status
// the document declares and a body that validates against the declared schema, with no
// undeclared fields. A new operation without a case below fails the last test.

// Webhook endpoints here point at a receiver on loopback, which only the development allowance reaches.
const testDb = useTestDatabase({ API_RATE_LIMIT_SCALE: '1000', WEBHOOK_ALLOW_PRIVATE: 'loopback' });
const app = useIdentityApp(testDb);

let document: ApiDocument;
let validate: ResponseValidator;
const exercised = new Set<string>();
let owner: Person;
let teammate: Person;
let api: ApiClient;
let slug: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // Independent of each other: each sign-up mostly waits for the worker node to deliver its mail.
  [document, owner, teammate] = await Promise.all([
    fetchDocument(app),
    signedInPerson(app, testDb, 'contract-owner'),
    signedInPerson(app, testDb, 'contract-mate'),
  ]);
  validate = createResponseValidator(document);
  api = clientAs(app, owner, validate, exercised);
  slug = await teamWorkspace();
});
afterAll(() => receiver?.close());
let receiver: WebhookReceiver;

let workspaceCounter = 0;
/** A team-plan workspace made through the API, owned by `owner`, with `teammate` as a member. */
async function teamWorkspace(): Promise<string> {
  const newSlug = `contract-${++workspaceCounter}-${Date.now() % 1_000_000}`;
  const { data, response } = await api.POST('/workspaces', {
    body: { name: `Contract ${newSlug}`, slug: newSlug },
  });
  expect(response.status).toBe(201);
  const workspace = { id: decodeId('ws', data!.id) };
  await grantPlan(testDb.app, { workspace, plan: 'team', seats: 50 });
  await addMember(testDb.app, {
    workspace: workspace as never,
    user: { id: teammate.id } as never,
    role: 'member',
  });
  return newSlug;
}

async function newProject(name = `Project ${Date.now()}`) {
  const { data, response } = await api.POST('/workspaces/{slug}/projects', {
    params: { path: { slug } },
    body: { name, description: 'From the contract test.' },
  });
  expect(response.status).toBe(201);
  return data!;
}

async function newInvitation(email = `invitee-${Date.now()}-${Math.random()}@example.test`) {
  const { data, response } = await api.POST('/workspaces/{slug}/invitations', {
    params: { path: { slug } },
    body: { email, role: 'viewer' },
  });
  expect(response.status).toBe(201);
  return data!;
}

async function newApiKey(scopes: ApiScope[]) {
  const { data, response } = await api.POST('/workspaces/{slug}/api-keys', {
    params: { path: { slug } },
    body: { name: `Contract key ${Date.now()}`, scopes },
  });
  expect(response.status).toBe(201);
  return data!;
}

async function newEndpoint() {
  const { data, response } = await api.POST('/workspaces/{slug}/webhook-endpoints', {
    params: { path: { slug } },
    body: { url: receiver.url, description: 'Contract receiver', event_types: ['ping'] },
  });
  expect(response.status).toBe(201);
  receiver.setSecrets({ current: data!.secret });
  return data!;
}

/** A test event sent to a new endpoint, once its delivery has succeeded. */
async function deliveredPing() {
  const endpoint = await newEndpoint();
  const path = { slug, endpoint_id: endpoint.id };
  const sent = await api.POST('/workspaces/{slug}/webhook-endpoints/{endpoint_id}/test', {
    params: { path },
  });
  expect(sent.response.status).toBe(202);
  await receiver.waitFor(() =>
    [...receiver.processed.values()].some(
      (entry) => entry.verifiedBy.length > 0 && entry.body.includes('"ping"'),
    ),
  );
  for (;;) {
    const { data } = await api.GET('/workspaces/{slug}/webhook-endpoints/{endpoint_id}/deliveries', {
      params: { path },
    });
    const delivery = data!.items.find((item) => item.id === sent.data!.delivery_id);
    if (delivery?.status === 'succeeded') return { endpoint, delivery };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const PDF = Buffer.from('%PDF-1.7\ncontract test\n');

/** A declared attachment, its bytes POSTed to storage as a browser would, completed and scanned. */
async function newFile(project_id: string, options: { complete?: boolean } = {}) {
  const declared = await api.POST('/workspaces/{slug}/files', {
    params: { path: { slug } },
    body: {
      name: 'contract.pdf',
      content_type: 'application/pdf',
      size: PDF.length,
      purpose: 'attachment',
      project_id,
    },
  });
  expect(declared.response.status).toBe(201);
  const { file, upload } = declared.data!;
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(PDF)]), 'contract.pdf');
  expect((await fetch(upload.url, { method: 'POST', body: form })).status).toBe(204);
  if (options.complete === false) return file;
  const path = { slug, file_id: file.id };
  expect(
    (await api.POST('/workspaces/{slug}/files/{file_id}/complete', { params: { path } })).response.status,
  ).toBe(200);
  for (;;) {
    const { data } = await api.GET('/workspaces/{slug}/files/{file_id}', { params: { path } });
    if (data!.status === 'ready') return data!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A 1 × 1 PNG, made by sharp, uploaded as the owner's avatar and completed. */
async function newAvatar() {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  const declared = await api.POST('/me/avatar', { body: { content_type: 'image/png', size: png.length } });
  expect(declared.response.status).toBe(201);
  const { avatar, upload } = declared.data!;
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(png)]), 'avatar.png');
  expect((await fetch(upload.url, { method: 'POST', body: form })).status).toBe(204);
  const completed = await api.POST('/me/avatar/{avatar_id}/complete', {
    params: { path: { avatar_id: avatar.id } },
  });
  expect(completed.response.status).toBe(200);
  return completed.data!;
}

/** Cases by operationId: each calls its operation through the typed client and checks the outcome. */
const cases: Record<string, () => Promise<void>> = {
  async listNotifications() {
    // The teammate is notified when the owner changes their role in a workspace they share.
    const shared = await teamWorkspace();
    const changed = await api.PATCH('/workspaces/{slug}/members/{user_id}', {
      params: { path: { slug: shared, user_id: encodeId('user', teammate.id) } },
      body: { role: 'admin' },
    });
    expect(changed.response.status).toBe(200);
    const asTeammate = clientAs(app, teammate, validate, exercised);
    const { data } = await asTeammate.GET('/me/notifications', { params: { query: { limit: 1 } } });
    expect(data!.items[0]).toMatchObject({ type: 'workspace.role_changed', read_at: null });
    expect(data!.unread_count).toBeGreaterThanOrEqual(1);
    const unread = await asTeammate.GET('/me/notifications', { params: { query: { unread: 'true' } } });
    expect(unread.data!.items.every((item) => item.read_at === null)).toBe(true);
  },
  async markNotificationRead() {
    const shared = await teamWorkspace();
    await api.PATCH('/workspaces/{slug}/members/{user_id}', {
      params: { path: { slug: shared, user_id: encodeId('user', teammate.id) } },
      body: { role: 'viewer' },
    });
    const asTeammate = clientAs(app, teammate, validate, exercised);
    const { data } = await asTeammate.GET('/me/notifications', { params: { query: { limit: 1 } } });
    const id = data!.items[0]!.id;
    const read = await asTeammate.POST('/me/notifications/{notification_id}/read', {
      params: { path: { notification_id: id } },
    });
    expect(read.data).toMatchObject({ id, read_at: expect.any(String) });
    // Someone else's notification is a 404, like one that does not exist.
    const foreign = await api.POST('/me/notifications/{notification_id}/read', {
      params: { path: { notification_id: id } },
    });
    expect(foreign.response.status).toBe(404);
  },
  async markAllNotificationsRead() {
    const asTeammate = clientAs(app, teammate, validate, exercised);
    const { data } = await asTeammate.POST('/me/notifications/read-all');
    expect(data!.updated).toEqual(expect.any(Number));
    const after = await asTeammate.GET('/me/notifications');
    expect(after.data!.unread_count).toBe(0);
  },
  async getNotificationPreferences() {
    const { data } = await api.GET('/me/notification-preferences');
    expect(data!.categories.map((entry) => entry.category)).toEqual([
      'security',
      'billing',
      'workspace',
      'product',
    ]);
    expect(data!.categories[0]!.channels.email).toEqual({ mode: 'on', locked: true });
  },
  async updateNotificationPreferences() {
    const { data } = await api.PATCH('/me/notification-preferences', {
      body: { changes: [{ category: 'workspace', channel: 'email', mode: 'digest' }] },
    });
    expect(data!.categories.find((entry) => entry.category === 'workspace')!.channels.email).toEqual({
      mode: 'digest',
      locked: false,
    });
    const locked = await api.PATCH('/me/notification-preferences', {
      body: { changes: [{ category: 'security', channel: 'email', mode: 'off' }] },
    });
    expect(locked.response.status).toBe(400);
    await api.PATCH('/me/notification-preferences', {
      body: { changes: [{ category: 'workspace', channel: 'email', mode: null }] },
    });
  },
  async streamEvents() {
    // A stream never ends, so it is read by hand rather than through the validating client.
    const cookie = [...owner.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const controller = new AbortController();
    const response = await fetch(`${app.url}/api/v1/me/events`, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain(': connected');
    controller.abort();
    await reader.cancel().catch(() => undefined);
    exercised.add('streamEvents');
  },
  async getMe() {
    const { data } = await api.GET('/me');
    expect(data).toEqual({
      id: encodeId('user', owner.id),
      email: owner.email,
      theme: 'system',
      locale: null,
    });
  },
  async updateMe() {
    const { data } = await api.PATCH('/me', { body: { theme: 'dark' } });
    expect(data).toEqual({ id: encodeId('user', owner.id), email: owner.email, theme: 'dark', locale: null });
    expect((await api.GET('/me')).data).toMatchObject({ theme: 'dark' });
    const german = await api.PATCH('/me', { body: { locale: 'de' } });
    expect(german.data).toMatchObject({ theme: 'dark', locale: 'de' });
    const badLocale = await api.PATCH('/me', { body: { locale: 'xx' as never } });
    expect(badLocale.response.status).toBe(400);
    expect(badLocale.error).toMatchObject({ error: { fields: { locale: expect.any(String) } } });
    const empty = await api.PATCH('/me', { body: {} });
    expect(empty.response.status).toBe(400);
    expect(empty.error).toMatchObject({ error: { fields: { theme: expect.any(String) } } });
    expect((await api.PATCH('/me', { body: { locale: null } })).data).toMatchObject({ locale: null });
    const bad = await api.PATCH('/me', { body: { theme: 'purple' as never } });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ error: { fields: { theme: expect.any(String) } } });
    await api.PATCH('/me', { body: { theme: 'system' } });
  },
  async deleteMe() {
    const leaving = await signedInPerson(app, testDb, 'contract-leaver');
    const client = clientAs(app, leaving, validate, exercised);
    const wrong = await client.DELETE('/me', { body: { password: 'not-the-password' } });
    expect(wrong.response.status).toBe(400);
    const { response } = await client.DELETE('/me', { body: { password: 'violet-harbor-71-quietly' } });
    expect(response.status).toBe(204);
    expect((await client.GET('/me')).response.status).toBe(401);
  },
  async listWorkspaces() {
    const { data } = await api.GET('/workspaces');
    expect(data!.items.map((workspace) => workspace.slug)).toContain(slug);
    expect(data).toMatchObject({ next_cursor: null, has_more: false });
  },
  async createWorkspace() {
    const created = await teamWorkspace();
    const taken = await api.POST('/workspaces', { body: { name: 'Again', slug: created } });
    expect(taken.response.status).toBe(409);
    expect(taken.error).toMatchObject({ error: { fields: { slug: expect.any(String) } } });
  },
  async getWorkspace() {
    const { data } = await api.GET('/workspaces/{slug}', { params: { path: { slug } } });
    expect(data).toMatchObject({ slug, role: 'owner' });
    const missing = await api.GET('/workspaces/{slug}', { params: { path: { slug: 'no-such-workspace' } } });
    expect(missing.response.status).toBe(404);
  },
  async updateWorkspace() {
    const { data } = await api.PATCH('/workspaces/{slug}', {
      params: { path: { slug } },
      body: { name: 'Renamed' },
    });
    expect(data).toMatchObject({ slug, name: 'Renamed', role: 'owner' });
  },
  async deleteWorkspace() {
    const doomed = await teamWorkspace();
    const { data } = await api.DELETE('/workspaces/{slug}', { params: { path: { slug: doomed } } });
    expect(new Date(data!.restorable_until).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(
      (await api.GET('/workspaces/{slug}', { params: { path: { slug: doomed } } })).response.status,
    ).toBe(404);
  },
  async restoreWorkspace() {
    const doomed = await teamWorkspace();
    await api.DELETE('/workspaces/{slug}', { params: { path: { slug: doomed } } });
    const { response } = await api.POST('/workspaces/{slug}/restore', { params: { path: { slug: doomed } } });
    expect(response.status).toBe(204);
    expect(
      (await api.GET('/workspaces/{slug}', { params: { path: { slug: doomed } } })).response.status,
    ).toBe(200);
  },
  async leaveWorkspace() {
    const left = await teamWorkspace();
    const asTeammate = clientAs(app, teammate, validate, exercised);
    const { response } = await asTeammate.POST('/workspaces/{slug}/leave', {
      params: { path: { slug: left } },
    });
    expect(response.status).toBe(204);
    const lastOwner = await api.POST('/workspaces/{slug}/leave', { params: { path: { slug: left } } });
    expect(lastOwner.response.status).toBe(409);
  },
  async transferOwnership() {
    const handedOver = await teamWorkspace();
    const toSelf = await api.POST('/workspaces/{slug}/transfer', {
      params: { path: { slug: handedOver } },
      body: { user_id: encodeId('user', owner.id) },
    });
    expect(toSelf.error).toMatchObject({
      error: { code: 'invalid_input', fields: { user_id: expect.any(String) } },
    });
    const { response } = await api.POST('/workspaces/{slug}/transfer', {
      params: { path: { slug: handedOver } },
      body: { user_id: encodeId('user', teammate.id) },
    });
    expect(response.status).toBe(204);
    const { data } = await api.GET('/workspaces/{slug}', { params: { path: { slug: handedOver } } });
    expect(data!.role).toBe('admin');
  },
  async listMembers() {
    const { data } = await api.GET('/workspaces/{slug}/members', { params: { path: { slug } } });
    expect(data!.items.map((member) => member.user_id).sort()).toEqual(
      [encodeId('user', owner.id), encodeId('user', teammate.id)].sort(),
    );
  },
  async updateMember() {
    const path = { slug, user_id: encodeId('user', teammate.id) };
    const { data } = await api.PATCH('/workspaces/{slug}/members/{user_id}', {
      params: { path },
      body: { role: 'viewer' },
    });
    expect(data).toMatchObject({ user_id: path.user_id, email: teammate.email, role: 'viewer' });
    await api.PATCH('/workspaces/{slug}/members/{user_id}', { params: { path }, body: { role: 'member' } });
  },
  async removeMember() {
    const removedFrom = await teamWorkspace();
    const path = { slug: removedFrom, user_id: encodeId('user', teammate.id) };
    const { response } = await api.DELETE('/workspaces/{slug}/members/{user_id}', { params: { path } });
    expect(response.status).toBe(204);
    const again = await api.DELETE('/workspaces/{slug}/members/{user_id}', { params: { path } });
    expect(again.response.status).toBe(404);
  },
  async listInvitations() {
    const invitation = await newInvitation();
    const { data } = await api.GET('/workspaces/{slug}/invitations', { params: { path: { slug } } });
    expect(data!.items.map((item) => item.id)).toContain(invitation.id);
  },
  async createInvitation() {
    const email = `new-${Date.now()}@example.test`;
    const invitation = await newInvitation(email);
    expect(invitation).toMatchObject({ email, role: 'viewer', status: 'pending' });
    const twice = await api.POST('/workspaces/{slug}/invitations', {
      params: { path: { slug } },
      body: { email, role: 'viewer' },
    });
    expect(twice.response.status).toBe(409);
  },
  async revokeInvitation() {
    const invitation = await newInvitation();
    const path = { slug, invitation_id: invitation.id };
    expect(
      (await api.DELETE('/workspaces/{slug}/invitations/{invitation_id}', { params: { path } })).response
        .status,
    ).toBe(204);
    expect(
      (await api.DELETE('/workspaces/{slug}/invitations/{invitation_id}', { params: { path } })).response
        .status,
    ).toBe(404);
  },
  async resendInvitation() {
    const invitation = await newInvitation();
    const { response } = await api.POST('/workspaces/{slug}/invitations/{invitation_id}/resend', {
      params: { path: { slug, invitation_id: invitation.id } },
    });
    expect(response.status).toBe(204);
  },
  async acceptInvitation() {
    const invitee = await signedInPerson(app, testDb, 'contract-invitee');
    const since = new Date();
    await newInvitation(invitee.email);
    const token = new URL(app.linkIn(await app.mailTo(invitee.email, since))).searchParams.get('token')!;
    const client = clientAs(app, invitee, validate, exercised);
    const { data } = await client.POST('/invitations/accept', { body: { token } });
    expect(data).toEqual({ workspace_slug: slug });
    expect((await client.POST('/invitations/accept', { body: { token } })).response.status).toBe(404);
  },
  async createFile() {
    const project = await newProject();
    const { data, response } = await api.POST('/workspaces/{slug}/files', {
      params: { path: { slug } },
      body: {
        name: 'a.txt',
        content_type: 'text/plain',
        size: 3,
        purpose: 'attachment',
        project_id: project.id,
      },
    });
    expect(response.status).toBe(201);
    expect(data).toMatchObject({
      file: { status: 'pending', project_id: project.id },
      upload: { method: 'POST' },
    });
  },
  async completeFile() {
    const project = await newProject();
    const file = await newFile(project.id, { complete: false });
    const { data } = await api.POST('/workspaces/{slug}/files/{file_id}/complete', {
      params: { path: { slug, file_id: file.id } },
    });
    expect(['pending_scan', 'ready']).toContain(data!.status);
  },
  async getFile() {
    const file = await newFile((await newProject()).id);
    expect(file).toMatchObject({ name: 'contract.pdf', size: PDF.length, status: 'ready' });
  },
  async downloadFile() {
    const file = await newFile((await newProject()).id);
    const { data } = await api.GET('/workspaces/{slug}/files/{file_id}/download', {
      params: { path: { slug, file_id: file.id } },
    });
    const fetched = await fetch(data!.url);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PDF)).toBe(true);
  },
  async deleteFile() {
    const file = await newFile((await newProject()).id);
    const path = { slug, file_id: file.id };
    expect(
      (await api.DELETE('/workspaces/{slug}/files/{file_id}', { params: { path } })).response.status,
    ).toBe(204);
    expect((await api.GET('/workspaces/{slug}/files/{file_id}', { params: { path } })).response.status).toBe(
      404,
    );
  },
  async getAvatar() {
    expect((await api.GET('/me/avatar')).response.status).toBe(404);
    await newAvatar();
    const { data } = await api.GET('/me/avatar');
    expect(data).toMatchObject({ status: 'ready', content_type: 'image/png' });
  },
  async createAvatar() {
    const { data, response } = await api.POST('/me/avatar', {
      body: { content_type: 'image/webp', size: 10 },
    });
    expect(response.status).toBe(201);
    expect(data).toMatchObject({ avatar: { status: 'pending', urls: null }, upload: { method: 'POST' } });
  },
  async completeAvatar() {
    const avatar = await newAvatar();
    expect(avatar.status).toBe('ready');
  },
  async deleteAvatar() {
    await newAvatar();
    expect((await api.DELETE('/me/avatar')).response.status).toBe(204);
    expect((await api.GET('/me/avatar')).response.status).toBe(404);
  },
  async getPublicImage() {
    // A redirect, read by hand: the typed client would follow it to storage.
    const avatar = await newAvatar();
    let urls = avatar.urls;
    while (!urls) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      urls = (await api.GET('/me/avatar')).data!.urls;
    }
    const response = await fetch(new URL(urls.small, app.url), { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect((await fetch(response.headers.get('location')!)).headers.get('content-type')).toBe('image/webp');
    exercised.add('getPublicImage');
  },
  async deleteWorkspaceLogo() {
    const { response } = await api.DELETE('/workspaces/{slug}/logo', { params: { path: { slug } } });
    expect(response.status).toBe(204);
  },
  async listProjectFiles() {
    const project = await newProject();
    const first = await newFile(project.id);
    const second = await newFile(project.id);
    const page = await api.GET('/workspaces/{slug}/projects/{project_id}/files', {
      params: { path: { slug, project_id: project.id }, query: { limit: 1 } },
    });
    expect(page.data!.items.map((item) => item.id)).toEqual([second.id]);
    const next = await api.GET('/workspaces/{slug}/projects/{project_id}/files', {
      params: {
        path: { slug, project_id: project.id },
        query: { limit: 1, cursor: page.data!.next_cursor! },
      },
    });
    expect(next.data!.items.map((item) => item.id)).toEqual([first.id]);
  },
  async listProjects() {
    const names = [`page-a-${Date.now()}`, `page-b-${Date.now()}`, `page-c-${Date.now()}`];
    for (const name of names) await newProject(name);
    const first = await api.GET('/workspaces/{slug}/projects', {
      params: { path: { slug }, query: { limit: 2 } },
    });
    expect(first.data!.items.map((project) => project.name)).toEqual([names[2], names[1]]);
    expect(first.data!.has_more).toBe(true);
    const second = await api.GET('/workspaces/{slug}/projects', {
      params: { path: { slug }, query: { limit: 2, cursor: first.data!.next_cursor! } },
    });
    expect(second.data!.items[0]!.name).toBe(names[0]);
  },
  async searchWorkspace() {
    const created = await newProject(`Harbor lighthouse ${Date.now()}`);
    const { data, response } = await api.GET('/workspaces/{slug}/search', {
      params: { path: { slug }, query: { q: 'lighthuose', limit: 5 } },
    });
    expect(response.status).toBe(200);
    expect(data!.items[0]).toMatchObject({ type: 'project', id: created.id, name: created.name });
  },
  async createProject() {
    const project = await newProject('Created');
    expect(project).toMatchObject({ name: 'Created', created_by: encodeId('user', owner.id) });
    expect(project.id).toMatch(/^proj_/);
  },
  async getProject() {
    const project = await newProject();
    const { data } = await api.GET('/workspaces/{slug}/projects/{project_id}', {
      params: { path: { slug, project_id: project.id } },
    });
    expect(data).toEqual(project);
  },
  async updateProject() {
    const project = await newProject();
    const path = { slug, project_id: project.id };
    const { data } = await api.PATCH('/workspaces/{slug}/projects/{project_id}', {
      params: { path },
      body: { description: null },
    });
    expect(data).toMatchObject({ id: project.id, name: project.name, description: null });
  },
  async deleteProject() {
    const project = await newProject();
    const path = { slug, project_id: project.id };
    expect(
      (await api.DELETE('/workspaces/{slug}/projects/{project_id}', { params: { path } })).response.status,
    ).toBe(204);
    expect(
      (await api.GET('/workspaces/{slug}/projects/{project_id}', { params: { path } })).response.status,
    ).toBe(404);
  },
  async listAuditEvents() {
    const project = await newProject();
    await api.DELETE('/workspaces/{slug}/projects/{project_id}', {
      params: { path: { slug, project_id: project.id } },
    });
    const { data } = await api.GET('/workspaces/{slug}/audit-events', {
      params: {
        path: { slug },
        query: { action: 'project.deleted', actor_id: encodeId('user', owner.id), limit: 1 },
      },
    });
    expect(data!.items).toHaveLength(1);
    expect(data!.items[0]).toMatchObject({
      action: 'project.deleted',
      actor: { type: 'user', id: encodeId('user', owner.id) },
      target: { type: 'project', id: project.id },
    });
  },
  async exportAuditEvents() {
    const project = await newProject();
    await api.DELETE('/workspaces/{slug}/projects/{project_id}', {
      params: { path: { slug, project_id: project.id } },
    });
    const filters = { action: 'project.deleted', actor_id: encodeId('user', owner.id) };
    // JSON goes through the validating client: an array of export rows with public ids.
    const asJson = await api.GET('/workspaces/{slug}/audit-events/export', {
      params: { path: { slug }, query: { ...filters, format: 'json' } },
    });
    expect(asJson.response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="audit-${slug}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    const rows = asJson.data as Exclude<typeof asJson.data, string | undefined>;
    expect(Number(asJson.response.headers.get('x-audit-event-count'))).toBe(rows.length);
    expect(rows.find((row) => row.target_id === project.id)).toMatchObject({
      action: 'project.deleted',
      actor_id: encodeId('user', owner.id),
      target_type: 'project',
      target_name: project.name,
    });
    // CSV is text: read by hand, its header and one line per event.
    const cookie = [...owner.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const query = new URLSearchParams({ ...filters, format: 'csv' });
    const asCsv = await fetch(`${app.url}/api/v1/workspaces/${slug}/audit-events/export?${query}`, {
      headers: { cookie },
    });
    expect(asCsv.status).toBe(200);
    expect(asCsv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await asCsv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^occurred_at,summary,action,/);
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines.some((line) => line.includes(project.id))).toBe(true);
  },
  async getWorkspaceFlags() {
    // The fixture's workspace is on Team, whose plan rule turns the example flag on.
    const { data } = await api.GET('/workspaces/{slug}/flags', { params: { path: { slug } } });
    expect(data).toEqual({ flags: { project_templates: true } });
  },
  async getBillingSummary() {
    const workspaceId = decodeId(
      'ws',
      (await api.GET('/workspaces/{slug}', { params: { path: { slug } } })).data!.id,
    );
    await withTenant(testDb.app, workspaceId, { type: 'system', id: 'test' }, (tx) =>
      tx.insert(invoice).values({
        id: `in_contract_${Date.now()}`,
        workspaceId,
        customerId: 'cus_contract',
        status: 'paid',
        number: 'CONTRACT-0001',
        currency: 'usd',
        amountDue: 4900,
        amountPaid: 4900,
        amountRemaining: 0,
        total: 4900,
        hostedInvoiceUrl: 'https://invoice.stripe.test/i/contract',
        stripeCreatedAt: new Date(),
      }),
    );
    const { data } = await api.GET('/workspaces/{slug}/billing', { params: { path: { slug } } });
    const members = (await api.GET('/workspaces/{slug}/members', { params: { path: { slug } } })).data!.items;
    expect(data).toMatchObject({ plan: { key: 'team' }, usage: { members: members.length } });
    expect(data!.invoices[0]).toMatchObject({
      number: 'CONTRACT-0001',
      amount_paid: 4900,
      status: 'paid',
      standing: 'settled',
    });
    // Team granted without a subscription: core's nextPlanActions(), as the billing and pricing pages
    // render it — nothing to manage, nothing below the grant for sale.
    expect(data!.standing).toBe('granted');
    expect(data!.actions).toEqual({
      team: { kind: 'current', plan: 'team', manage: false },
      pro: { kind: 'none', plan: 'pro', reason: 'granted' },
      free: { kind: 'none', plan: 'free', reason: 'granted' },
    });
    const asMember = clientAs(app, teammate, validate, exercised);
    expect(
      (await asMember.GET('/workspaces/{slug}/billing', { params: { path: { slug } } })).response.status,
    ).toBe(403);
  },
  async listApiKeys() {
    const key = await newApiKey(['project.read']);
    const { data } = await api.GET('/workspaces/{slug}/api-keys', {
      params: { path: { slug }, query: { limit: 100 } },
    });
    const listed = data!.items.find((item) => item.id === key.id);
    expect(listed).toMatchObject({ name: key.name, scopes: ['project.read'], revoked_at: null });
    expect(JSON.stringify(data)).not.toContain(key.secret);
  },
  async createApiKey() {
    const key = await newApiKey(['project.read', 'project.create']);
    expect(key.secret).toMatch(/^plk_/);
    expect(key.secret.startsWith(key.prefix)).toBe(true);
  },
  async revokeApiKey() {
    const key = await newApiKey(['project.read']);
    const path = { slug, key_id: key.id };
    expect(
      (await api.DELETE('/workspaces/{slug}/api-keys/{key_id}', { params: { path } })).response.status,
    ).toBe(204);
    const refused = await fetch(`${app.url}/api/v1/workspaces/${slug}/projects`, {
      headers: { authorization: `Bearer ${key.secret}` },
    });
    expect(refused.status).toBe(401);
  },
  async listWebhookEndpoints() {
    const endpoint = await newEndpoint();
    const { data } = await api.GET('/workspaces/{slug}/webhook-endpoints', { params: { path: { slug } } });
    expect(data!.items.map((item) => item.id)).toContain(endpoint.id);
    expect(JSON.stringify(data)).not.toContain('whsec_');
  },
  async createWebhookEndpoint() {
    const endpoint = await newEndpoint();
    expect(endpoint).toMatchObject({ url: receiver.url, enabled: true, event_types: ['ping'] });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  },
  async getWebhookEndpoint() {
    const endpoint = await newEndpoint();
    const { data } = await api.GET('/workspaces/{slug}/webhook-endpoints/{endpoint_id}', {
      params: { path: { slug, endpoint_id: endpoint.id } },
    });
    expect(data).toMatchObject({ id: endpoint.id, url: receiver.url });
    expect(data).not.toHaveProperty('secret');
  },
  async updateWebhookEndpoint() {
    const endpoint = await newEndpoint();
    const { data } = await api.PATCH('/workspaces/{slug}/webhook-endpoints/{endpoint_id}', {
      params: { path: { slug, endpoint_id: endpoint.id } },
      body: { enabled: false, event_types: null },
    });
    expect(data).toMatchObject({ enabled: false, event_types: null, description: 'Contract receiver' });
  },
  async deleteWebhookEndpoint() {
    const endpoint = await newEndpoint();
    const path = { slug, endpoint_id: endpoint.id };
    const { response } = await api.DELETE('/workspaces/{slug}/webhook-endpoints/{endpoint_id}', {
      params: { path },
    });
    expect(response.status).toBe(204);
    const gone = await api.GET('/workspaces/{slug}/webhook-endpoints/{endpoint_id}', { params: { path } });
    expect(gone.response.status).toBe(404);
  },
  async rotateWebhookSecret() {
    const endpoint = await newEndpoint();
    const { data } = await api.POST('/workspaces/{slug}/webhook-endpoints/{endpoint_id}/rotate-secret', {
      params: { path: { slug, endpoint_id: endpoint.id } },
      body: { overlap_seconds: 600 },
    });
    expect(data!.secret).not.toBe(endpoint.secret);
    expect(Date.parse(data!.previous_secret_expires_at!)).toBeGreaterThan(Date.now());
  },
  async sendWebhookTestEvent() {
    const { delivery } = await deliveredPing();
    expect(delivery).toMatchObject({ event_type: 'ping', attempts: 1, response_status: 204 });
    expect(delivery.event_id).toMatch(/^msg_/);
  },
  async listWebhookDeliveries() {
    const { endpoint, delivery } = await deliveredPing();
    const { data } = await api.GET('/workspaces/{slug}/webhook-endpoints/{endpoint_id}/deliveries', {
      params: { path: { slug, endpoint_id: endpoint.id }, query: { limit: 1 } },
    });
    expect(data).toMatchObject({ items: [{ id: delivery.id }], has_more: false, next_cursor: null });
  },
  async retryWebhookDelivery() {
    const { endpoint, delivery } = await deliveredPing();
    const { data, response } = await api.POST(
      '/workspaces/{slug}/webhook-endpoints/{endpoint_id}/deliveries/{delivery_id}/retry',
      { params: { path: { slug, endpoint_id: endpoint.id, delivery_id: delivery.id } } },
    );
    expect(response.status).toBe(202);
    expect(data).toMatchObject({ id: delivery.id, status: 'pending' });
    const webhookId = delivery.event_id;
    // Sent again with the same webhook-id: the receiver sees a second copy and dedupes it.
    await receiver.waitFor(() => receiver.acknowledgedCount(webhookId) === 2);
  },
};

describe('every operation in the OpenAPI document', () => {
  it('is an OpenAPI 3.1 document with both security schemes', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.components.securitySchemes ?? {}).sort()).toEqual([
      'bearerAuth',
      'sessionCookie',
    ]);
  });

  it('has a case here, and every case names an operation of the document', () => {
    const operationIds = operationsOf(document)
      .map((entry) => entry.operationId)
      .sort();
    expect(Object.keys(cases).sort()).toEqual(operationIds);
  });

  it.each(Object.keys(cases))('%s answers as the document declares', async (operationId) => {
    await cases[operationId]!();
  });

  it('answers 401 with the envelope to a request without credentials, and 404 to a non-member', async () => {
    const [outsider] = await Promise.all([
      signedInPerson(app, testDb, 'contract-outsider'),
      createWorkspace(testDb.app), // the outsider's world has other workspaces in it
    ]);
    // Eight operations at a time, side by side (none of these requests changes anything), each
    // one's anonymous request before its non-member one.
    const operations = operationsOf(document);
    const cookie = [...outsider.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    for (let start = 0; start < operations.length; start += 8) {
      await Promise.all(
        operations.slice(start, start + 8).map(async ({ method, path, operation }) => {
          // Public operations (the image redirect) answer without credentials: their own case covers them.
          if (Array.isArray(operation.security) && operation.security.length === 0) return;
          const url = `${app.url}/api/v1${path
            .replace('{slug}', slug)
            .replace('{project_id}', encodeId('proj', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'))
            .replace('{user_id}', encodeId('user', teammate.id))
            .replace('{invitation_id}', encodeId('inv', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'))
            .replace('{key_id}', encodeId('key', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'))
            .replace('{endpoint_id}', encodeId('we', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'))
            .replace('{delivery_id}', encodeId('whd', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'))
            .replace('{notification_id}', encodeId('ntf', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'))
            .replace('{file_id}', encodeId('file', '01920d3c-8f2a-7b3c-9d4e-5f6a7b8c9d0e'))}`;
          const anonymous = await fetch(url, { method: method.toUpperCase(), headers: { origin: app.url } });
          expect(anonymous.status, `${method} ${path}`).toBe(401);
          validate(method, path, 401, await anonymous.json());
          if (!path.includes('{slug}') || path.endsWith('/restore')) return;
          const stranger = await fetch(url, {
            method: method.toUpperCase(),
            headers: { origin: app.url, cookie },
          });
          expect(stranger.status, `${method} ${path} as a non-member`).toBe(404);
          validate(method, path, 404, await stranger.json());
          expect((operation.responses as Record<string, unknown>)['404']).toBeDefined();
        }),
      );
    }
  });

  it('answers as declared to an API key too: its workspace operations, and 403 for person-only ones', async () => {
    const key = await newApiKey([
      'workspace.read',
      'member.read',
      'invitation.read',
      'project.read',
      'project.create',
      'project.update',
      'project.delete',
      'audit.read',
      'api_key.read',
    ]);
    const viaKey = createApiClient({ baseUrl: `${app.url}/api/v1`, apiKey: key.secret });
    viaKey.use({
      async onResponse({ request, response, schemaPath }) {
        const text = await response.clone().text();
        validate(request.method, schemaPath, response.status, text ? JSON.parse(text) : undefined);
        return undefined;
      },
    });
    const path = { slug };
    expect((await viaKey.GET('/workspaces/{slug}', { params: { path } })).response.status).toBe(200);
    expect((await viaKey.GET('/workspaces/{slug}/members', { params: { path } })).response.status).toBe(200);
    expect((await viaKey.GET('/workspaces/{slug}/invitations', { params: { path } })).response.status).toBe(
      200,
    );
    expect((await viaKey.GET('/workspaces/{slug}/audit-events', { params: { path } })).response.status).toBe(
      200,
    );
    expect((await viaKey.GET('/workspaces/{slug}/api-keys', { params: { path } })).response.status).toBe(200);
    const created = await viaKey.POST('/workspaces/{slug}/projects', {
      params: { path },
      body: { name: 'By key' },
    });
    expect(created.response.status).toBe(201);
    const project = { slug, project_id: created.data!.id };
    expect((await viaKey.GET('/workspaces/{slug}/projects', { params: { path } })).data!.items[0]!.id).toBe(
      project.project_id,
    );
    expect(
      (
        await viaKey.PATCH('/workspaces/{slug}/projects/{project_id}', {
          params: { path: project },
          body: { name: 'Renamed by key' },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (await viaKey.DELETE('/workspaces/{slug}/projects/{project_id}', { params: { path: project } }))
        .response.status,
    ).toBe(204);
    expect((await viaKey.GET('/me')).response.status).toBe(403);
    expect(
      (await viaKey.PATCH('/workspaces/{slug}', { params: { path }, body: { name: 'Not allowed' } })).response
        .status,
    ).toBe(403);
  });

  it('reached every operation with a 2xx through the typed client', () => {
    const missing = operationsOf(document).filter((entry) => !exercised.has(entry.operationId));
    expect(missing.map((entry) => entry.operationId)).toEqual([]);
  });
});
