import { z } from '@hono/zod-openapi';
import { AppError } from '@plinth/core/errors';
import {
  AVATAR_MAX_BYTES,
  avatarContentTypes,
  completeAvatarUpload,
  createAvatarUpload,
  getAvatar,
  imageSizeNames,
  publicImageKey,
  publicImageScopes,
  removeAvatar,
  type AvatarView,
  type FileDeps,
  type PublicImageScope,
} from '@plinth/core/storage';
import { sessionActorOf } from '../middleware/api-key-actor';
import {
  addRoute,
  decodeId,
  defineRoute,
  encodeId,
  iso,
  isoOrNull,
  jsonBody,
  jsonContent,
  publicId,
  timestamp,
  type V1App,
  type V1Chain,
} from '../openapi/index';
import { auditOrigin } from './origin';

const tags = ['Me'];

const avatarSchema = z
  .object({
    id: publicId('avt'),
    status: z.enum(['pending', 'ready', 'rejected']).openapi({
      description:
        '`pending` until completed; `ready` once checked (its `urls` appear when the resize job has run); `rejected` when the upload was not what was declared.',
    }),
    content_type: z.string(),
    size: z.number().int(),
    rejected_reason: z.string().nullable(),
    urls: z
      .object({
        small: z.string().openapi({ description: '64 × 64 WebP.' }),
        large: z.string().openapi({ description: '256 × 256 WebP.' }),
      })
      .nullable()
      .openapi({ description: 'The resized images; null until the resize job has run (show initials).' }),
    created_at: timestamp(),
    completed_at: timestamp().nullable(),
  })
  .openapi('Avatar');

const toAvatar = (row: AvatarView) => ({
  id: encodeId('avt', row.id),
  status: row.status,
  content_type: row.contentType,
  size: row.size,
  rejected_reason: row.rejectedReason,
  urls: row.urls,
  created_at: iso(row.createdAt),
  completed_at: isoOrNull(row.completedAt),
});

const createAvatarBody = z
  .strictObject({
    content_type: z.enum(avatarContentTypes).openapi({ description: 'PNG, JPEG or WebP (never SVG).' }),
    size: z
      .number()
      .int()
      .openapi({ description: `Exact size in bytes (1 to ${AVATAR_MAX_BYTES}); the upload must match it.` }),
  })
  .openapi('CreateAvatarInput');

const avatarUploadSchema = z
  .object({
    avatar: avatarSchema,
    upload: z.object({
      method: z.literal('POST'),
      url: z.string().openapi({ description: 'POST the form here, straight to object storage.' }),
      fields: z.record(z.string(), z.string()).openapi({
        description: 'Send these form fields first, then the image as the last field, named `file`.',
      }),
      expires_at: timestamp(),
    }),
  })
  .openapi('AvatarUpload');

const getAvatarRoute = defineRoute(
  'user',
  {
    method: 'get',
    path: '/me/avatar',
    operationId: 'getAvatar',
    summary: 'Your avatar',
    description: '404 when you have none (show your initials).',
    tags,
    responses: { 200: jsonContent('Your avatar.', avatarSchema) },
  },
  ['not_found'],
);

const createAvatarRoute = defineRoute('user', {
  method: 'post',
  path: '/me/avatar',
  operationId: 'createAvatar',
  summary: 'Declare an avatar upload',
  description:
    'Answers a signed POST policy: upload the image straight to object storage (exactly `size` bytes of exactly `content_type`, within 5 minutes), then call `completeAvatar`. Signed-in people only.',
  tags,
  request: { body: jsonBody(createAvatarBody) },
  responses: { 201: jsonContent('Declared; upload now.', avatarUploadSchema) },
});

const avatarParams = z.strictObject({
  avatar_id: publicId('avt').openapi({ param: { name: 'avatar_id', in: 'path' } }),
});

const completeAvatarRoute = defineRoute(
  'user',
  {
    method: 'post',
    path: '/me/avatar/{avatar_id}/complete',
    operationId: 'completeAvatar',
    summary: 'Complete an avatar upload',
    description:
      'Copies the upload to a key no upload form can write, and checks that the copy has the declared size and type and is that image. 400 naming `size` or `content_type` when not (the avatar is then `rejected` and its objects deleted); 409 when nothing has arrived yet, while another completion of it runs, or when a newer upload replaced it. Your previous avatar is replaced; the resized images follow shortly.',
    tags,
    request: { params: avatarParams },
    responses: { 200: jsonContent('The avatar, `ready`.', avatarSchema) },
  },
  ['conflict'],
);

const deleteAvatarRoute = defineRoute('user', {
  method: 'delete',
  path: '/me/avatar',
  operationId: 'deleteAvatar',
  summary: 'Remove your avatar',
  description: 'Its images are deleted; people see your initials again.',
  tags,
  responses: { 204: { description: 'Removed (also when there was none).' } },
});

const imageParams = z.strictObject({
  scope: z.enum(Object.keys(publicImageScopes) as [PublicImageScope, ...PublicImageScope[]]).openapi({
    param: { name: 'scope', in: 'path' },
  }),
  owner_id: z
    .uuid('Invalid owner id.')
    .max(36)
    .openapi({ param: { name: 'owner_id', in: 'path' } }),
  image_id: z
    .uuid('Invalid image id.')
    .max(36)
    .openapi({ param: { name: 'image_id', in: 'path' } }),
  size: z.enum(imageSizeNames as [string, ...string[]]).openapi({ param: { name: 'size', in: 'path' } }),
});

/** How long the redirect's signed GET stays valid, and (a little less) how long browsers may reuse it. */
const IMAGE_URL_SECONDS = 300;

const imageRoute = defineRoute('public', {
  method: 'get',
  path: '/images/{scope}/{owner_id}/{image_id}/{size}',
  operationId: 'getPublicImage',
  summary: 'A resized avatar or logo',
  description:
    'A 302 to a short-lived signed GET of a resized avatar or workspace logo (decision 0030). These are the URLs on `user.image` and the workspace logo when no `S3_PUBLIC_BASE_URL` serves them; they are public, like the CDN they stand in for. No other object is reachable here.',
  tags: ['Files'],
  request: { params: imageParams },
  responses: {
    302: {
      description: 'Fetch the image at `Location` (WebP).',
      headers: { Location: { schema: { type: 'string' } } },
    },
  },
});

/** /api/v1/me/avatar and /api/v1/images: the same core calls as the account page's server actions. */
export function avatarRoutes(app: V1App, chain: V1Chain, deps: { files?: FileDeps }): void {
  const files = (): FileDeps => {
    if (!deps.files) throw new AppError('unavailable', 'File storage is not configured on this server.');
    return deps.files;
  };
  addRoute(app, chain, getAvatarRoute, async (c) => {
    const avatar = await getAvatar(files(), sessionActorOf(c));
    if (!avatar) throw new AppError('not_found', 'You have no avatar.');
    return c.json(toAvatar(avatar), 200);
  });
  addRoute(app, chain, createAvatarRoute, async (c) => {
    const { avatar, upload } = await createAvatarUpload(
      files(),
      sessionActorOf(c),
      c.req.valid('json'),
      auditOrigin(c),
    );
    return c.json(
      {
        avatar: toAvatar(avatar),
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
  addRoute(app, chain, completeAvatarRoute, async (c) => {
    const id = decodeId('avt', c.req.valid('param').avatar_id);
    return c.json(toAvatar(await completeAvatarUpload(files(), sessionActorOf(c), id, auditOrigin(c))), 200);
  });
  addRoute(app, chain, deleteAvatarRoute, async (c) => {
    await removeAvatar(files(), sessionActorOf(c), auditOrigin(c));
    return c.body(null, 204);
  });
  addRoute(app, chain, imageRoute, async (c) => {
    const params = c.req.valid('param');
    const key = publicImageKey({
      scope: params.scope,
      ownerId: params.owner_id,
      imageId: params.image_id,
      size: params.size as 'small' | 'large',
    });
    const url = await files().storage.presignDownload({
      key,
      contentType: 'image/webp',
      fileName: `${params.scope}-${params.size}.webp`,
      disposition: 'inline',
      expiresInSeconds: IMAGE_URL_SECONDS,
    });
    // Browsers may reuse the redirect (not the signed URL's answer) for 4 minutes.
    c.header('Cache-Control', `public, max-age=${IMAGE_URL_SECONDS - 60}`);
    return c.redirect(url, 302);
  });
}
