import { z } from '@hono/zod-openapi';
import { AppError } from '@plinth/core/errors';
import {
  completeUpload,
  createUpload,
  deleteFile,
  downloadFile,
  fileName,
  filePurposeKeys,
  getFile,
  listFiles,
  MAX_FILE_BYTES,
  removeWorkspaceLogo,
  type FileDeps,
  type FileView,
} from '@plinth/core/storage';
import {
  addRoute,
  decodeCursor,
  decodeId,
  defineRoute,
  documented,
  encodeId,
  iso,
  jsonBody,
  jsonContent,
  pageOf,
  pageQuery,
  publicId,
  timestamp,
  toPage,
  type V1App,
  type V1Chain,
} from '../openapi/index';
import { auditOrigin } from './origin';
import { slugParams } from './workspaces';

const fileSchema = z
  .object({
    id: publicId('file'),
    purpose: z.enum(filePurposeKeys),
    status: z.enum(['pending', 'pending_scan', 'ready', 'rejected']).openapi({
      description:
        '`pending` until completed; `pending_scan` while the virus scanner looks at it; `ready` to download; `rejected` (with `rejected_reason`) when the upload was not what was declared or the scanner flagged it.',
    }),
    name: z.string(),
    content_type: z.string(),
    size: z.number().int(),
    project_id: publicId('proj').nullable(),
    created_by: publicId('user'),
    rejected_reason: z.string().nullable(),
    created_at: timestamp(),
    completed_at: timestamp().nullable(),
  })
  .openapi('File');

const toFile = (row: FileView) => ({
  id: encodeId('file', row.id),
  purpose: row.purpose as (typeof filePurposeKeys)[number],
  status: row.status,
  name: row.name,
  content_type: row.contentType,
  size: row.size,
  project_id: row.projectId ? encodeId('proj', row.projectId) : null,
  created_by: encodeId('user', row.createdBy),
  rejected_reason: row.rejectedReason,
  created_at: iso(row.createdAt),
  completed_at: row.completedAt ? iso(row.completedAt) : null,
});

const createFileBody = z
  .strictObject({
    name: documented(fileName, { description: 'The file name shown and offered on download (no path).' }),
    content_type: z
      .string()
      .max(255)
      .openapi({ description: "One of the purpose's accepted media types.", example: 'application/pdf' }),
    size: z
      .number()
      .int()
      .openapi({ description: `Exact size in bytes (1 to ${MAX_FILE_BYTES}); the upload must match it.` }),
    purpose: z.enum(filePurposeKeys),
    project_id: publicId('proj').optional().openapi({ description: 'Required for an attachment.' }),
  })
  .openapi('CreateFileInput');

const uploadSchema = z
  .object({
    file: fileSchema,
    upload: z.object({
      method: z.literal('POST'),
      url: z.string().openapi({ description: 'POST the form here, straight to object storage.' }),
      fields: z.record(z.string(), z.string()).openapi({
        description:
          'Send these form fields first, in any order, then the file as the last field, named `file`.',
      }),
      expires_at: timestamp(),
    }),
  })
  .openapi('FileUpload');

const downloadSchema = z
  .object({
    url: z.string().openapi({ description: 'A signed GET, valid until `expires_at`.' }),
    expires_at: timestamp(),
  })
  .openapi('FileDownload');

const fileParams = slugParams.extend({
  file_id: publicId('file').openapi({ param: { name: 'file_id', in: 'path' } }),
});
const projectParams = slugParams.extend({
  project_id: publicId('proj').openapi({ param: { name: 'project_id', in: 'path' } }),
});

const tags = ['Files'];

const createFileRoute = defineRoute(
  'member',
  {
    method: 'post',
    path: '/workspaces/{slug}/files',
    operationId: 'createFile',
    summary: 'Declare an upload',
    description:
      "Writes a `pending` file and answers a signed POST policy: upload the bytes straight to object storage (exactly `size` bytes of exactly `content_type`, within 5 minutes), then call `completeFile`. 402 when the plan's storage limit would be exceeded.",
    tags,
    request: { params: slugParams, body: jsonBody(createFileBody) },
    responses: { 201: jsonContent('Declared; upload now.', uploadSchema) },
  },
  ['payment_required'],
);

const completeFileRoute = defineRoute(
  'member',
  {
    method: 'post',
    path: '/workspaces/{slug}/files/{file_id}/complete',
    operationId: 'completeFile',
    summary: 'Complete an upload',
    description:
      "Copies the upload to a key no upload form can write, and checks that the copy has the declared size and type (and that an image is one); the scan and downloads use the copy. 400 naming `size` or `content_type` when it does not (the file is then `rejected` and its objects deleted); 402 when the declaration is over 20 minutes old and the plan's storage no longer has room for it (also `rejected`); 409 when nothing has arrived yet, or while another completion of it runs.",
    tags,
    request: { params: fileParams },
    responses: { 200: jsonContent('The file, `ready` or `pending_scan`.', fileSchema) },
  },
  ['conflict', 'payment_required'],
);

const getFileRoute = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/files/{file_id}',
  operationId: 'getFile',
  summary: 'A file',
  tags,
  request: { params: fileParams },
  responses: { 200: jsonContent('The file.', fileSchema) },
});

const downloadFileRoute = defineRoute(
  'member',
  {
    method: 'get',
    path: '/workspaces/{slug}/files/{file_id}/download',
    operationId: 'downloadFile',
    summary: 'Download a file',
    description:
      'A short-lived signed URL answering with the stored type and `Content-Disposition: attachment`. 409 while the file is not `ready`.',
    tags,
    request: { params: fileParams },
    responses: { 200: jsonContent('Where to fetch it.', downloadSchema) },
  },
  ['conflict'],
);

const deleteFileRoute = defineRoute('member', {
  method: 'delete',
  path: '/workspaces/{slug}/files/{file_id}',
  operationId: 'deleteFile',
  summary: 'Delete a file',
  description: 'Unreadable at once, no longer counted against the plan, and its bytes deleted.',
  tags,
  request: { params: fileParams },
  responses: { 204: { description: 'Deleted.' } },
});

const listProjectFilesRoute = defineRoute('member', {
  method: 'get',
  path: '/workspaces/{slug}/projects/{project_id}/files',
  operationId: 'listProjectFiles',
  summary: "A project's attachments",
  description: 'Newest first, cursor-paginated; rejected and deleted files are not listed.',
  tags,
  request: { params: projectParams, query: z.strictObject(pageQuery('file')) },
  responses: { 200: jsonContent('A page of files.', pageOf(fileSchema, 'FileList')) },
});

const deleteLogoRoute = defineRoute('member', {
  method: 'delete',
  path: '/workspaces/{slug}/logo',
  operationId: 'deleteWorkspaceLogo',
  summary: "Remove the workspace's logo",
  description:
    'Its files and resized images are deleted and pages show the initials. Upload a new logo with `createFile` (purpose `logo`). Needs `workspace.update`.',
  tags,
  request: { params: slugParams },
  responses: { 204: { description: 'Removed (also when there was none).' } },
});

/** /api/v1 file operations: the same core calls as the pages' server actions. */
export function fileRoutes(app: V1App, chain: V1Chain, deps: { files?: FileDeps }): void {
  const files = (): FileDeps => {
    if (!deps.files) throw new AppError('unavailable', 'File storage is not configured on this server.');
    return deps.files;
  };
  addRoute(app, chain, createFileRoute, async (c) => {
    const body = c.req.valid('json');
    const { file, upload } = await createUpload(
      files(),
      c.get('member'),
      { ...body, project_id: body.project_id ? decodeId('proj', body.project_id) : undefined },
      auditOrigin(c),
    );
    return c.json(
      {
        file: toFile(file),
        upload: {
          method: upload.method,
          url: upload.url,
          fields: upload.fields,
          expires_at: iso(upload.expiresAt),
        },
      },
      201,
    );
  });
  addRoute(app, chain, completeFileRoute, async (c) => {
    const id = decodeId('file', c.req.valid('param').file_id);
    return c.json(toFile(await completeUpload(files(), c.get('member'), id, auditOrigin(c))), 200);
  });
  addRoute(app, chain, getFileRoute, async (c) => {
    const id = decodeId('file', c.req.valid('param').file_id);
    return c.json(toFile(await getFile(files(), c.get('member'), id)), 200);
  });
  addRoute(app, chain, downloadFileRoute, async (c) => {
    const id = decodeId('file', c.req.valid('param').file_id);
    const { url, expiresAt } = await downloadFile(files(), c.get('member'), id);
    return c.json({ url, expires_at: iso(expiresAt) }, 200);
  });
  addRoute(app, chain, deleteFileRoute, async (c) => {
    await deleteFile(
      files(),
      c.get('member'),
      decodeId('file', c.req.valid('param').file_id),
      auditOrigin(c),
    );
    return c.body(null, 204);
  });
  addRoute(app, chain, deleteLogoRoute, async (c) => {
    await removeWorkspaceLogo(files(), c.get('member'), auditOrigin(c));
    return c.body(null, 204);
  });
  addRoute(app, chain, listProjectFilesRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await listFiles(files(), c.get('member'), {
      project_id: decodeId('proj', c.req.valid('param').project_id),
      limit,
      cursor: decodeCursor('file', cursor),
    });
    return c.json(toPage(page, 'file', toFile), 200);
  });
}
