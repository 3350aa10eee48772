import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** A browser's upload: POST `url` as multipart/form-data with `fields` first and the file last. */
export interface PresignedUpload {
  method: 'POST';
  url: string;
  fields: Record<string, string>;
  expiresAt: Date;
}

export interface StoredObject {
  size: number;
  contentType: string | undefined;
}

/**
 * Object storage as Plinth uses it: browsers upload and download with signed, constrained URLs,
 * and the server only signs, checks and cleans up. One implementation, on the S3 API, serves AWS S3,
 * Cloudflare R2, MinIO, Backblaze B2, GCS's S3 endpoint and the local development server.
 */
export interface Storage {
  /**
   * A POST policy admitting exactly one object at `key`: exactly `size` bytes, exactly
   * `contentType`, until `expiresInSeconds` from now.
   */
  presignUpload(input: {
    key: string;
    contentType: string;
    size: number;
    expiresInSeconds: number;
  }): Promise<PresignedUpload>;
  /** A GET URL answering with our stored type and a Content-Disposition naming the file. */
  presignDownload(input: {
    key: string;
    contentType: string;
    fileName: string;
    disposition: 'attachment' | 'inline';
    expiresInSeconds: number;
  }): Promise<string>;
  /** The object's size and type, or null when there is none. */
  head(key: string): Promise<StoredObject | null>;
  /** The object's first `bytes` bytes (fewer when it is shorter); null when there is none. */
  readStart(key: string, bytes: number): Promise<Buffer | null>;
  /** The whole object (server-side work on small files: image resizing). */
  read(key: string): Promise<Buffer | null>;
  /** Writes an object the server made (a resized image). */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Copies an object, type included, within the bucket; false when there is none at `fromKey`. */
  copy(fromKey: string, toKey: string): Promise<boolean>;
  /** The CDN/public URL of a key when S3_PUBLIC_BASE_URL is set; undefined otherwise. */
  publicUrl(key: string): string | undefined;
}

export interface S3StorageConfig {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
  publicBaseUrl: string | undefined;
}

/** The S3 client for a configuration (built by the wiring; tests build their own). */
export function createS3Client(config: S3StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    ...(config.accessKeyId && config.secretAccessKey
      ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
      : {}),
    // Checksums only where S3 requires them: R2, B2 and older MinIO refuse the SDK's default
    // CRC trailers, and our uploads are bounded by the signed policy, not by a checksum.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
}

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so every browser saves it under its name. */
export function contentDisposition(disposition: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function createS3Storage(config: S3StorageConfig, client: S3Client = createS3Client(config)): Storage {
  const Bucket = config.bucket;
  return {
    async presignUpload({ key, contentType, size, expiresInSeconds }) {
      const { url, fields } = await createPresignedPost(client, {
        Bucket,
        Key: key,
        Fields: { 'Content-Type': contentType },
        Conditions: [
          ['eq', '$Content-Type', contentType],
          ['content-length-range', size, size],
        ],
        Expires: expiresInSeconds,
      });
      return { method: 'POST', url, fields, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) };
    },
    presignDownload({ key, contentType, fileName, disposition, expiresInSeconds }) {
      return getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket,
          Key: key,
          ResponseContentType: contentType,
          ResponseContentDisposition: contentDisposition(disposition, fileName),
        }),
        { expiresIn: expiresInSeconds },
      );
    },
    async head(key) {
      try {
        const result = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: result.ContentLength ?? 0, contentType: result.ContentType };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async readStart(key, bytes) {
      try {
        const result = await client.send(
          new GetObjectCommand({ Bucket, Key: key, Range: `bytes=0-${bytes - 1}` }),
        );
        return Buffer.from(await result.Body!.transformToByteArray()).subarray(0, bytes);
      } catch (error) {
        if (isMissing(error)) return null;
        // An empty object has no byte 0: S3 answers 416.
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 416) {
          return Buffer.alloc(0);
        }
        throw error;
      }
    },
    async read(key) {
      try {
        const result = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return Buffer.from(await result.Body!.transformToByteArray());
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.length,
        }),
      );
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async copy(fromKey, toKey) {
      try {
        await client.send(
          new CopyObjectCommand({
            Bucket,
            Key: toKey,
            CopySource: `${Bucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`,
          }),
        );
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    publicUrl(key) {
      return config.publicBaseUrl ? `${config.publicBaseUrl}/${key}` : undefined;
    },
  };
}

/**
 * The origin browsers upload to (the bucket's URL, path-style or virtual-hosted), for the pages'
 * Content-Security-Policy `connect-src`; none when storage is not configured.
 */
export function storageBrowserOrigins(
  config: Pick<S3StorageConfig, 'endpoint' | 'bucket' | 'forcePathStyle'>,
): string[] {
  if (!config.endpoint) return [];
  const url = new URL(config.endpoint);
  return [config.forcePathStyle ? url.origin : `${url.protocol}//${config.bucket}.${url.host}`];
}

/**
 * The origins pages show avatars and logos from, for the Content-Security-Policy `img-src`: the
 * bucket (the image route redirects to a signed GET there) and the CDN of S3_PUBLIC_BASE_URL.
 */
export function storageImageOrigins(
  config: Pick<S3StorageConfig, 'endpoint' | 'bucket' | 'forcePathStyle' | 'publicBaseUrl'>,
): string[] {
  const origins = storageBrowserOrigins(config);
  if (config.publicBaseUrl) origins.push(new URL(config.publicBaseUrl).origin);
  return [...new Set(origins)];
}

/**
 * Creates the bucket when missing and sets the CORS rules browsers need to POST uploads from
 * `origins` (development and tests; a production bucket is configured once, see the README).
 */
export async function prepareBucket(
  config: S3StorageConfig,
  origins: string[],
  client: S3Client = createS3Client(config),
): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: config.bucket }));
  } catch (error) {
    if (!isMissing(error)) throw error;
    await client.send(new CreateBucketCommand({ Bucket: config.bucket }));
  }
  await client.send(
    new PutBucketCorsCommand({
      Bucket: config.bucket,
      CORSConfiguration: { CORSRules: [bucketCorsRule(origins)] },
    }),
  );
}

/** The bucket's CORS rule: browser POST uploads and GET downloads from the app's origins. */
export function bucketCorsRule(origins: string[]) {
  return {
    AllowedOrigins: origins,
    AllowedMethods: ['POST', 'GET', 'HEAD'],
    AllowedHeaders: ['*'],
    ExposeHeaders: ['ETag'],
    MaxAgeSeconds: 3000,
  };
}
