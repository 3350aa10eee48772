// What each kind of file may be: its content types (an allowlist: anything else is refused when the
// upload is declared), its size cap, whether it is an image (its first bytes must prove it), whether
// it waits for the virus scanner, and who may upload it. A product adds its purposes here.
import type { Permission } from '../access/index';

export const MB = 1024 * 1024;

/** No single file is larger than this, whatever its purpose or plan. */
export const MAX_FILE_BYTES = 100 * MB;

/** How long a signed upload stays valid. */
export const UPLOAD_EXPIRY_SECONDS = 5 * 60;

/** How long a signed download stays valid. */
export const DOWNLOAD_EXPIRY_SECONDS = 60;

/**
 * An hour after an upload was declared (its policy expired long before, and any upload it let
 * start has arrived), the cleanup job deletes its upload key (whatever was POSTed there after
 * completion, or after the row was rejected or replaced, is no one's) and rejects it if it is still
 * pending. Its checked copy lives at the row's final key, which no policy names.
 */
export const UPLOAD_SWEEP_AFTER_MINUTES = 60;

/** Rejected (and replaced) rows older than this are removed with any objects they still name. */
export const PENDING_FILE_MAX_AGE_HOURS = 24;

const imageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

export interface FilePurpose {
  contentTypes: readonly string[];
  maxBytes: number;
  /** Its bytes must start like the declared image type (checked on completion). */
  image: boolean;
  /** Stays `pending_scan` until the FileScanner says clean. */
  scan: boolean;
  /** May be served from S3_PUBLIC_BASE_URL (a CDN) rather than by a signed URL. */
  public: boolean;
  /** Needs a project (`project_id`). */
  project: boolean;
  /** Who may upload one; reading and deleting follow file.read / file.delete, or this for `project: false`. */
  uploadPermission: Permission;
}

export const filePurposes = {
  /** A file attached to a project: documents, images, archives. Scanned before anyone can download it. */
  attachment: {
    contentTypes: [
      ...imageTypes,
      'application/pdf',
      'text/plain',
      'text/csv',
      'application/json',
      'application/zip',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    maxBytes: MAX_FILE_BYTES,
    image: false,
    scan: true,
    public: false,
    project: true,
    uploadPermission: 'file.upload',
  },
  /** The workspace's logo: a raster image only (an SVG can carry script). */
  logo: {
    contentTypes: ['image/png', 'image/jpeg', 'image/webp'],
    maxBytes: 5 * MB,
    image: true,
    scan: false,
    public: true,
    project: false,
    uploadPermission: 'workspace.update',
  },
} as const satisfies Record<string, FilePurpose>;

export type FilePurposeKey = keyof typeof filePurposes;
export const filePurposeKeys = Object.keys(filePurposes) as FilePurposeKey[];

export function purposeOf(key: string): FilePurpose | undefined {
  return (filePurposes as Record<string, FilePurpose>)[key];
}
