import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { file, withTenant, workspace, type Database, type FileVariants } from '@plinth/db';
import { systemActor } from '../actor/index';
import type { Storage } from './storage';

/** Square sizes every avatar and logo is resized to (pixels), stored beside the original as WebP. */
export const imageSizes = { small: 64, large: 256 } as const;
export type ImageSize = keyof typeof imageSizes;
export const imageSizeNames = Object.keys(imageSizes) as ImageSize[];

export const fileImageQueueName = 'files.images';

/** The largest original the job decodes (an image is at most 5 MB; this bounds a decompression bomb). */
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Reads the original at `key`, resizes it into `imageSizes` with sharp (EXIF and every other
 * metadata dropped, the orientation applied first) and writes each in its folder as
 * `<image id>.<size>.webp`, under a fresh random image id: a variant's public key names nothing
 * about the original's, so no one shown a variant can fetch the original (with its EXIF).
 */
export async function resizeImage(storage: Storage, key: string): Promise<FileVariants> {
  const original = await storage.read(key);
  if (!original) throw new Error(`image ${key} has no object`);
  const folder = key.slice(0, key.lastIndexOf('/') + 1);
  const imageId = randomUUID();
  const variants: FileVariants = {};
  for (const [name, size] of Object.entries(imageSizes)) {
    const { data, info } = await sharp(original, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(size, size, { fit: 'cover' })
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    const variantKey = `${folder}${imageId}.${name}.webp`;
    await storage.put(variantKey, data, 'image/webp');
    variants[name] = { key: variantKey, width: info.width, height: info.height, size: data.length };
  }
  return variants;
}

/**
 * The public images (avatars and logos) and where their keys live. Their resized variants are the
 * only objects ever served without a per-request check (decision 0030).
 */
export const publicImageScopes = { avatar: 'users', logo: 'workspaces' } as const;
export type PublicImageScope = keyof typeof publicImageScopes;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const variantKeyPattern = new RegExp(
  `^(users|workspaces)/(${UUID})/(avatar|logo)/(${UUID})\\.(small|large)\\.webp$`,
  'u',
);

/** The key of one resized public image, from the parts its public path names. */
export function publicImageKey(parts: {
  scope: PublicImageScope;
  ownerId: string;
  imageId: string;
  size: ImageSize;
}): string {
  return `${publicImageScopes[parts.scope]}/${parts.ownerId}/${parts.scope}/${parts.imageId}.${parts.size}.webp`;
}

/**
 * Where browsers fetch a resized avatar or logo: `S3_PUBLIC_BASE_URL/<key>` when a CDN serves
 * them, otherwise our redirecting route `/api/v1/images/<scope>/<owner>/<image>/<size>` (a 302 to
 * a short-lived signed GET). Throws for any key that is not a resized public image.
 */
export function publicImageUrl(storage: Pick<Storage, 'publicUrl'>, key: string): string {
  const match = variantKeyPattern.exec(key);
  if (!match) throw new Error(`not a public image key: ${key}`);
  const cdn = storage.publicUrl(key);
  if (cdn) return cdn;
  const [, , ownerId, scope, imageId, size] = match;
  return `/api/v1/images/${scope}/${ownerId}/${imageId}/${size}`;
}

/**
 * The logo's job: resizes a ready logo file's checked copy (its final key; never the upload key,
 * which its policy may have rewritten since), records the variants on its row and, when it is
 * still the workspace's newest logo, points `workspace.logo` at the small variant. Until then the
 * pages show the workspace's initials. A file deleted meanwhile leaves nothing behind; one resized
 * already is left as it is (a retried job writes nothing twice).
 */
export async function resizeImageFile(
  deps: { database: Database; storage: Storage },
  input: { workspaceId: string; fileId: string },
): Promise<FileVariants> {
  const actor = systemActor('files.images');
  const [row] = await withTenant(deps.database, input.workspaceId, actor, (tx) =>
    tx
      .select({ finalKey: file.finalKey, variants: file.variants })
      .from(file)
      .where(
        and(
          eq(file.workspaceId, input.workspaceId),
          eq(file.id, input.fileId),
          eq(file.status, 'ready'),
          isNull(file.deletedAt),
        ),
      ),
  );
  if (!row) return {};
  if (row.variants) return row.variants;
  const variants = await resizeImage(deps.storage, row.finalKey);
  const logoUrl = variants.small ? publicImageUrl(deps.storage, variants.small.key) : null;
  const recorded = await withTenant(deps.database, input.workspaceId, actor, async (tx) => {
    const [updated] = await tx
      .update(file)
      .set({ variants })
      .where(
        and(
          eq(file.workspaceId, input.workspaceId),
          eq(file.id, input.fileId),
          isNull(file.deletedAt),
          isNull(file.variants),
        ),
      )
      .returning({ purpose: file.purpose });
    if (!updated) return false;
    if (updated.purpose !== 'logo' || !logoUrl) return true;
    // Only the newest live logo becomes the workspace's (an older job finishing late changes nothing).
    const [newest] = await tx
      .select({ id: file.id })
      .from(file)
      .where(
        and(
          eq(file.workspaceId, input.workspaceId),
          eq(file.purpose, 'logo'),
          eq(file.status, 'ready'),
          isNull(file.deletedAt),
        ),
      )
      .orderBy(sql`${file.id} desc`)
      .limit(1);
    if (newest?.id === input.fileId) {
      await tx.update(workspace).set({ logo: logoUrl }).where(eq(workspace.id, input.workspaceId));
    }
    return true;
  });
  if (!recorded) {
    // Deleted (or resized by another run) meanwhile: what this run wrote is no one's.
    for (const variant of Object.values(variants)) await deps.storage.delete(variant.key);
    return {};
  }
  return variants;
}
