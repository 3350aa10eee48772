import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LOCAL_S3_ACCESS_KEY_ID, LOCAL_S3_SECRET_ACCESS_KEY } from '@plinth/core/env';
import { corsHeaders, findRule, parseCorsXml, type CorsRule } from './cors';
import { multipartBoundary, parseMultipart } from './multipart';
import {
  ALGORITHM,
  canonicalRequest,
  hmacHex,
  parseAmzDate,
  parseCredential,
  queryPairs,
  safeDecode,
  sameSignature,
  sha256Hex,
  signingKey,
  stringToSign,
  UNSIGNED_PAYLOAD,
} from './sigv4';

// The development credentials of the local server (loadEnv refuses them in production).
export { LOCAL_S3_ACCESS_KEY_ID, LOCAL_S3_SECRET_ACCESS_KEY };
export const LOCAL_S3_REGION = 'us-east-1';

export interface LocalS3Options {
  /** 0 (default): an ephemeral port. */
  port?: number;
  host?: string;
  /** Objects, CORS rules and buckets are kept here across restarts; in memory without it. */
  dataDir?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  region?: string;
  /** The largest request body accepted at all (S3's own single-request cap is 5 GB). */
  maxRequestBytes?: number;
  /** The server's clock (tests move it to expire signatures). */
  now?: () => Date;
}

export interface LocalS3Object {
  body: Buffer;
  contentType: string;
  contentDisposition: string | undefined;
  etag: string;
  lastModified: Date;
}

export interface LocalS3 {
  url: string;
  port: number;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** What a bucket holds right now (tests assert that nothing was left behind). */
  objects(bucket: string): Map<string, LocalS3Object>;
  /** Every request the server answered: method, path and status (tests assert bytes never pass elsewhere). */
  readonly requests: { method: string; path: string; status: number }[];
  stop(): Promise<void>;
}

interface Bucket {
  objects: Map<string, LocalS3Object>;
  cors: CorsRule[] | undefined;
}

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_CLOCK_SKEW_MS = 15 * 60_000;
const xmlEscape = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * A local S3-compatible server on node:http for development and tests: path-style buckets, SigV4
 * (Authorization header and presigned query) checked exactly, POST uploads whose policy (signature,
 * expiration, every condition, content-length-range, no unlisted field) is enforced, presigned PUT
 * and GET, HEAD, ranged GET, DELETE, CopyObject, ListObjectsV2 and bucket CORS applied to preflights
 * and answers. What it does not do (multipart uploads, versioning, virtual-hosted buckets, chunked
 * streaming signatures) it refuses with S3's NotImplemented rather than pretending.
 */
export async function startLocalS3(options: LocalS3Options = {}): Promise<LocalS3> {
  const accessKeyId = options.accessKeyId ?? LOCAL_S3_ACCESS_KEY_ID;
  const secretAccessKey = options.secretAccessKey ?? LOCAL_S3_SECRET_ACCESS_KEY;
  const region = options.region ?? LOCAL_S3_REGION;
  const maxRequestBytes = options.maxRequestBytes ?? 512 * 1024 * 1024;
  const now = options.now ?? (() => new Date());
  const buckets = new Map<string, Bucket>();
  const requests: LocalS3['requests'] = [];
  const store = options.dataDir ? await openDiskStore(options.dataDir, buckets) : undefined;

  const server = http.createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    const rawQuery = queryAt < 0 ? '' : rawUrl.slice(queryAt + 1);
    const method = (req.method ?? 'GET').toUpperCase();
    const respond = (status: number, headers: Record<string, string>, body?: Buffer | string) => {
      requests.push({ method, path: rawPath, status });
      if (!res.headersSent) res.writeHead(status, { 'x-amz-request-id': randomUUID(), ...headers });
      res.end(method === 'HEAD' ? undefined : body);
    };
    handle(req, method, rawPath, rawQuery)
      .then(({ status, headers, body }) => respond(status, headers, body))
      .catch((error: unknown) => {
        const s3 =
          error instanceof S3Error ? error : new S3Error(500, 'InternalError', (error as Error).message);
        const origin = req.headers.origin;
        const bucket = buckets.get(safeDecode(rawPath.split('/')[1] ?? ''));
        const rule = origin && bucket?.cors ? findRule(bucket.cors, origin, method) : undefined;
        respond(
          s3.status,
          { 'content-type': 'application/xml', ...(rule && origin ? corsHeaders(rule, origin) : {}) },
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${s3.code}</Code><Message>${xmlEscape(s3.message)}</Message></Error>`,
        );
        // A refused upload is not read to its end: S3 closes the connection too.
        if (!req.complete) req.once('end', () => {}).resume();
      });
  });

  async function handle(
    req: http.IncomingMessage,
    method: string,
    rawPath: string,
    rawQuery: string,
  ): Promise<{ status: number; headers: Record<string, string>; body?: Buffer | string }> {
    const [, bucketName = '', ...keyParts] = rawPath.split('/');
    const bucketKey = safeDecode(bucketName);
    const key = keyParts.map(safeDecode).join('/');
    const query = queryPairs(rawQuery);
    const queryValue = (name: string) => query.find(([n]) => n === name)?.[1];
    if (!bucketKey) throw new S3Error(501, 'NotImplemented', 'ListBuckets is not implemented.');
    const bucket = buckets.get(bucketKey);
    const origin = req.headers.origin;

    if (method === 'OPTIONS') return preflight(bucket, req);

    const withCors = (headers: Record<string, string>) => {
      const rule = origin && bucket?.cors ? findRule(bucket.cors, origin, method) : undefined;
      return rule && origin ? { ...headers, ...corsHeaders(rule, origin) } : headers;
    };

    // A browser form upload authenticates with its policy, not with a signed request.
    if (method === 'POST' && !key && multipartBoundary(req.headers['content-type'])) {
      if (!bucket) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist.');
      const result = await postUpload(req, bucketKey, bucket);
      return { ...result, headers: withCors(result.headers) };
    }

    const body = await readBody(req, method);
    authenticate(req, method, rawPath, query, body);

    if (!key) {
      if (method === 'PUT' && queryValue('cors') !== undefined) {
        if (!bucket) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist.');
        const rules = parseCorsXml(body.toString('utf8'));
        if (!rules) throw new S3Error(400, 'MalformedXML', 'The CORS configuration is not valid.');
        bucket.cors = rules;
        await store?.saveCors(bucketKey, rules);
        return { status: 200, headers: {} };
      }
      if (method === 'DELETE' && queryValue('cors') !== undefined) {
        if (bucket) bucket.cors = undefined;
        await store?.saveCors(bucketKey, undefined);
        return { status: 204, headers: {} };
      }
      if (method === 'PUT') {
        if (bucket) {
          throw new S3Error(
            409,
            'BucketAlreadyOwnedByYou',
            'Your previous request to create the bucket succeeded.',
          );
        }
        buckets.set(bucketKey, { objects: new Map(), cors: undefined });
        await store?.createBucket(bucketKey);
        return { status: 200, headers: { location: `/${bucketKey}` } };
      }
      if (!bucket) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist.');
      if (method === 'HEAD') return { status: 200, headers: {} };
      if (method === 'GET' && queryValue('list-type') === '2') {
        const prefix = queryValue('prefix') ?? '';
        const keys = [...bucket.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
        const contents = keys
          .map((k) => {
            const o = bucket.objects.get(k)!;
            return `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>${xmlEscape(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
          })
          .join('');
        return {
          status: 200,
          headers: withCors({ 'content-type': 'application/xml' }),
          body: `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult><Name>${xmlEscape(bucketKey)}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${keys.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${contents}</ListBucketResult>`,
        };
      }
      throw new S3Error(501, 'NotImplemented', `${method} on a bucket is not implemented here.`);
    }

    if (!bucket) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist.');
    if (query.some(([name]) => ['uploads', 'uploadId', 'versionId', 'tagging', 'acl'].includes(name))) {
      throw new S3Error(
        501,
        'NotImplemented',
        'Multipart uploads, versions, tags and ACLs are not implemented.',
      );
    }
    switch (method) {
      case 'PUT': {
        const copySource = req.headers['x-amz-copy-source'];
        if (typeof copySource === 'string') return copyObject(req, bucket, key, copySource, withCors);
        const stored = await putObject(bucketKey, bucket, key, body, {
          contentType: headerString(req, 'content-type'),
          contentDisposition: headerString(req, 'content-disposition'),
        });
        return { status: 200, headers: withCors({ etag: stored.etag }) };
      }
      case 'GET':
      case 'HEAD': {
        const object = bucket.objects.get(key);
        if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
        const disposition = queryValue('response-content-disposition') ?? object.contentDisposition;
        const headers: Record<string, string> = {
          'content-type': queryValue('response-content-type') ?? object.contentType,
          etag: object.etag,
          'last-modified': object.lastModified.toUTCString(),
          'accept-ranges': 'bytes',
          ...(disposition ? { 'content-disposition': disposition } : {}),
        };
        const range = headerString(req, 'range')?.match(/^bytes=(\d+)-(\d*)$/);
        if (range && object.body.length > 0) {
          const start = Number(range[1]);
          const end = Math.min(range[2] ? Number(range[2]) : object.body.length - 1, object.body.length - 1);
          if (start > end) throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable.');
          const slice = object.body.subarray(start, end + 1);
          return {
            status: 206,
            headers: withCors({
              ...headers,
              'content-length': String(slice.length),
              'content-range': `bytes ${start}-${end}/${object.body.length}`,
            }),
            body: slice,
          };
        }
        return {
          status: 200,
          headers: withCors({ ...headers, 'content-length': String(object.body.length) }),
          body: object.body,
        };
      }
      case 'DELETE':
        bucket.objects.delete(key);
        await store?.deleteObject(bucketKey, key);
        return { status: 204, headers: withCors({}) };
      default:
        throw new S3Error(405, 'MethodNotAllowed', `${method} is not allowed on an object.`);
    }
  }

  function preflight(bucket: Bucket | undefined, req: http.IncomingMessage) {
    const origin = req.headers.origin;
    const requestMethod = headerString(req, 'access-control-request-method');
    if (!origin || !requestMethod) {
      throw new S3Error(400, 'BadRequest', 'Insufficient information. Origin request header needed.');
    }
    const requestHeaders = (headerString(req, 'access-control-request-headers') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const rule = bucket?.cors ? findRule(bucket.cors, origin, requestMethod, requestHeaders) : undefined;
    if (!rule) throw new S3Error(403, 'AccessForbidden', 'CORSResponse: This CORS request is not allowed.');
    return {
      status: 200,
      headers: {
        ...corsHeaders(rule, origin),
        'access-control-allow-methods': rule.allowedMethods.join(', '),
        ...(requestHeaders.length > 0 ? { 'access-control-allow-headers': requestHeaders.join(', ') } : {}),
        ...(rule.maxAgeSeconds !== undefined ? { 'access-control-max-age': String(rule.maxAgeSeconds) } : {}),
      },
    };
  }

  /** SigV4 from the Authorization header, or from a presigned URL's query; anonymous is refused. */
  function authenticate(
    req: http.IncomingMessage,
    method: string,
    rawPath: string,
    query: [string, string][],
    body: Buffer,
  ): void {
    const authorization = headerString(req, 'authorization');
    const get = (name: string) => query.find(([n]) => n === name)?.[1];
    let credentialValue: string | undefined;
    let signedHeaders: string[];
    let signature: string | undefined;
    let amzDate: string | undefined;
    let payloadHash: string;
    let canonicalQueryPairs = query;
    if (authorization) {
      const match = authorization.match(
        /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/,
      );
      if (!match)
        throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
      [, credentialValue, , signature] = match;
      signedHeaders = match[2]!.split(';');
      amzDate = headerString(req, 'x-amz-date');
      const date = parseAmzDate(amzDate);
      if (!date)
        throw new S3Error(403, 'AccessDenied', 'AWS authentication requires a valid x-amz-date header.');
      if (Math.abs(now().getTime() - date.getTime()) > MAX_CLOCK_SKEW_MS) {
        throw new S3Error(
          403,
          'RequestTimeTooSkewed',
          'The difference between the request time and the current time is too large.',
        );
      }
      const declared = headerString(req, 'x-amz-content-sha256');
      if (!declared)
        throw new S3Error(
          400,
          'InvalidRequest',
          'Missing required header for this request: x-amz-content-sha256.',
        );
      if (declared.startsWith('STREAMING-')) {
        throw new S3Error(501, 'NotImplemented', 'Chunked (streaming) signatures are not implemented here.');
      }
      if (declared !== UNSIGNED_PAYLOAD && declared !== sha256Hex(body)) {
        throw new S3Error(
          400,
          'XAmzContentSHA256Mismatch',
          "The provided 'x-amz-content-sha256' header does not match what was computed.",
        );
      }
      payloadHash = declared;
    } else if (get('X-Amz-Signature') !== undefined) {
      if (get('X-Amz-Algorithm') !== ALGORITHM)
        throw new S3Error(
          400,
          'AuthorizationQueryParametersError',
          'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256".',
        );
      credentialValue = get('X-Amz-Credential');
      signature = get('X-Amz-Signature');
      amzDate = get('X-Amz-Date');
      signedHeaders = (get('X-Amz-SignedHeaders') ?? '').split(';');
      const expires = Number(get('X-Amz-Expires'));
      const date = parseAmzDate(amzDate);
      if (!date || !Number.isInteger(expires) || expires < 1 || expires > 604_800) {
        throw new S3Error(
          400,
          'AuthorizationQueryParametersError',
          'X-Amz-Date and X-Amz-Expires must be valid.',
        );
      }
      if (now().getTime() > date.getTime() + expires * 1000) {
        throw new S3Error(403, 'AccessDenied', 'Request has expired');
      }
      if (now().getTime() < date.getTime() - MAX_CLOCK_SKEW_MS) {
        throw new S3Error(403, 'AccessDenied', 'Request is not valid yet');
      }
      payloadHash = get('X-Amz-Content-Sha256') ?? UNSIGNED_PAYLOAD;
      canonicalQueryPairs = query.filter(([name]) => name !== 'X-Amz-Signature');
    } else {
      throw new S3Error(403, 'AccessDenied', 'Access Denied');
    }
    const credential = parseCredential(credentialValue);
    if (!credential || credential.service !== 's3') {
      throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The credential is malformed.');
    }
    if (credential.accessKeyId !== accessKeyId) {
      throw new S3Error(
        403,
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
      );
    }
    if (credential.region !== region) {
      throw new S3Error(
        400,
        'AuthorizationHeaderMalformed',
        `The region '${credential.region}' is wrong; expecting '${region}'.`,
      );
    }
    if (!signedHeaders.includes('host')) {
      throw new S3Error(400, 'AuthorizationHeaderMalformed', 'SignedHeaders must include host.');
    }
    // Every x-amz-* header sent must be covered by the signature (S3 refuses unsigned ones).
    const unsigned = Object.keys(req.headers).filter(
      (name) => name.startsWith('x-amz-') && !signedHeaders.includes(name),
    );
    if (unsigned.length > 0) {
      throw new S3Error(
        403,
        'AccessDenied',
        `There were headers present in the request which were not signed: ${unsigned.join(', ')}`,
      );
    }
    const canonical = canonicalRequest({
      method,
      rawPath,
      query: canonicalQueryPairs,
      headers: req.headers,
      signedHeaders,
      payloadHash,
    });
    const key = signingKey(secretAccessKey, credential.date, credential.region);
    const expected = hmacHex(key, stringToSign(amzDate!, credential.scope, canonical));
    if (!signature || !sameSignature(expected, signature)) {
      throw new S3Error(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      );
    }
  }

  async function postUpload(req: http.IncomingMessage, bucketName: string, bucket: Bucket) {
    const body = await readBody(req, 'POST');
    const parts = parseMultipart(body, multipartBoundary(req.headers['content-type'])!);
    if (!parts)
      throw new S3Error(
        400,
        'MalformedPOSTRequest',
        'The body of your POST request is not well-formed multipart/form-data.',
      );
    const fileIndex = parts.findIndex((part) => part.name.toLowerCase() === 'file');
    if (fileIndex < 0)
      throw new S3Error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    const file = parts[fileIndex]!;
    // Fields after the file are ignored, as S3 ignores them. Names are case-insensitive.
    const fields = new Map<string, string>();
    for (const part of parts.slice(0, fileIndex))
      fields.set(part.name.toLowerCase(), part.data.toString('utf8'));
    const field = (name: string) => fields.get(name);
    const policyB64 = field('policy');
    const signature = field('x-amz-signature');
    if (!policyB64 || !signature || field('x-amz-algorithm') !== ALGORITHM) {
      throw new S3Error(
        403,
        'AccessDenied',
        'Bucket POST must contain a policy, X-Amz-Algorithm and X-Amz-Signature.',
      );
    }
    const credential = parseCredential(field('x-amz-credential'));
    if (!credential || credential.accessKeyId !== accessKeyId) {
      throw new S3Error(
        403,
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
      );
    }
    if (credential.region !== region || credential.service !== 's3') {
      throw new S3Error(400, 'AuthorizationQueryParametersError', 'The credential scope is wrong.');
    }
    const expected = hmacHex(signingKey(secretAccessKey, credential.date, credential.region), policyB64);
    if (!sameSignature(expected, signature)) {
      throw new S3Error(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      );
    }
    let policy: { expiration?: string; conditions?: unknown[] };
    try {
      policy = JSON.parse(Buffer.from(policyB64, 'base64').toString('utf8')) as typeof policy;
    } catch {
      throw new S3Error(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
    }
    const expiration = new Date(policy.expiration ?? '');
    if (Number.isNaN(expiration.getTime()) || !Array.isArray(policy.conditions)) {
      throw new S3Error(
        400,
        'InvalidPolicyDocument',
        'Invalid Policy: expiration and conditions are required.',
      );
    }
    if (now().getTime() > expiration.getTime()) {
      throw new S3Error(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
    }
    const rawKey = field('key');
    if (!rawKey) throw new S3Error(400, 'InvalidArgument', 'Bucket POST must contain a field named key.');
    const key = rawKey.replaceAll('${filename}', file.filename ?? '');
    const values = new Map(fields);
    values.set('bucket', bucketName);
    const covered = new Set(['bucket']);
    for (const condition of policy.conditions) {
      const failed = () =>
        new S3Error(
          403,
          'AccessDenied',
          `Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`,
        );
      if (Array.isArray(condition)) {
        const [op, a, b] = condition as [string, unknown, unknown];
        if (op === 'content-length-range') {
          const [min, max] = [Number(a), Number(b)];
          if (file.data.length > max) {
            throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
          }
          if (file.data.length < min) {
            throw new S3Error(
              400,
              'EntityTooSmall',
              'Your proposed upload is smaller than the minimum allowed size',
            );
          }
          continue;
        }
        const name = typeof a === 'string' && a.startsWith('$') ? a.slice(1).toLowerCase() : undefined;
        if (!name || typeof b !== 'string')
          throw new S3Error(400, 'InvalidPolicyDocument', `Invalid Policy: ${JSON.stringify(condition)}`);
        covered.add(name);
        const actual = name === 'key' ? key : (values.get(name) ?? '');
        if (
          op.toLowerCase() === 'eq'
            ? actual !== b
            : op.toLowerCase() === 'starts-with'
              ? !actual.startsWith(b)
              : true
        ) {
          throw failed();
        }
      } else if (condition && typeof condition === 'object') {
        for (const [name, value] of Object.entries(condition)) {
          const lower = name.toLowerCase();
          covered.add(lower);
          const actual = lower === 'key' ? key : values.get(lower);
          if (actual !== value) throw failed();
        }
      } else {
        throw new S3Error(400, 'InvalidPolicyDocument', 'Invalid Policy: a condition is malformed.');
      }
    }
    const exempt = (name: string) =>
      ['policy', 'x-amz-signature', 'file'].includes(name) || name.startsWith('x-ignore-');
    const extra = [...fields.keys()].filter((name) => !exempt(name) && !covered.has(name));
    if (extra.length > 0) {
      throw new S3Error(
        403,
        'AccessDenied',
        `Invalid according to Policy: Extra input fields: ${extra.join(', ')}`,
      );
    }
    const stored = await putObject(bucketName, bucket, key, file.data, {
      contentType: field('content-type'),
      contentDisposition: field('content-disposition'),
    });
    const status = ['200', '201'].includes(field('success_action_status') ?? '')
      ? Number(field('success_action_status'))
      : 204;
    return {
      status,
      headers: { etag: stored.etag, location: `/${bucketName}/${encodeURIComponent(key)}` },
      body:
        status === 201
          ? `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Bucket>${xmlEscape(bucketName)}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${xmlEscape(stored.etag)}</ETag></PostResponse>`
          : undefined,
    };
  }

  async function copyObject(
    req: http.IncomingMessage,
    bucket: Bucket,
    key: string,
    copySource: string,
    withCors: (headers: Record<string, string>) => Record<string, string>,
  ) {
    const [sourceBucketName = '', ...sourceKeyParts] = safeDecode(copySource.replace(/^\//, '')).split('/');
    const source = buckets.get(sourceBucketName)?.objects.get(sourceKeyParts.join('/'));
    if (!source) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
    const replace = headerString(req, 'x-amz-metadata-directive') === 'REPLACE';
    const bucketName = [...buckets.entries()].find(([, b]) => b === bucket)![0];
    const stored = await putObject(bucketName, bucket, key, source.body, {
      contentType: replace ? headerString(req, 'content-type') : source.contentType,
      contentDisposition: replace ? headerString(req, 'content-disposition') : source.contentDisposition,
    });
    return {
      status: 200,
      headers: withCors({ 'content-type': 'application/xml' }),
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<CopyObjectResult><LastModified>${stored.lastModified.toISOString()}</LastModified><ETag>${xmlEscape(stored.etag)}</ETag></CopyObjectResult>`,
    };
  }

  async function putObject(
    bucketName: string,
    bucket: Bucket,
    key: string,
    body: Buffer,
    meta: { contentType: string | undefined; contentDisposition: string | undefined },
  ): Promise<LocalS3Object> {
    if (key.length === 0 || Buffer.byteLength(key) > 1024) {
      throw new S3Error(400, 'KeyTooLongError', 'Your key is too long.');
    }
    const object: LocalS3Object = {
      body: Buffer.from(body),
      contentType: meta.contentType ?? 'binary/octet-stream',
      contentDisposition: meta.contentDisposition,
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      lastModified: new Date(Math.floor(now().getTime() / 1000) * 1000),
    };
    bucket.objects.set(key, object);
    await store?.saveObject(bucketName, key, object);
    return object;
  }

  /** The whole body, bounded; a PUT must declare its length, as S3 requires. */
  async function readBody(req: http.IncomingMessage, method: string): Promise<Buffer> {
    const declared = req.headers['content-length'];
    if (method === 'PUT' && declared === undefined && !req.headers['x-amz-copy-source']) {
      throw new S3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
    }
    if (declared !== undefined && Number(declared) > maxRequestBytes) {
      throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxRequestBytes) {
        throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
      }
      chunks.push(chunk as Buffer);
    }
    if (declared !== undefined && size !== Number(declared)) {
      throw new S3Error(
        400,
        'IncompleteBody',
        'You did not provide the number of bytes specified by the Content-Length HTTP header.',
      );
    }
    return Buffer.concat(chunks);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    accessKeyId,
    secretAccessKey,
    region,
    requests,
    objects: (bucket) => buckets.get(bucket)?.objects ?? new Map(),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function headerString(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Buckets as folders named by the bucket's hex: `objects/<sha-256 of the key>` (body) and `.json`
 * (the key and metadata), `cors.json`.
 */
async function openDiskStore(dataDir: string, buckets: Map<string, Bucket>) {
  await mkdir(dataDir, { recursive: true });
  const hexKey = (key: string) => Buffer.from(key, 'utf8').toString('hex');
  const fileName = (key: string) => createHash('sha256').update(key).digest('hex');
  const objectsDir = (bucket: string) => path.join(dataDir, hexKey(bucket), 'objects');
  for (const entry of await readdir(dataDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const name = Buffer.from(entry.name, 'hex').toString('utf8');
    const bucket: Bucket = { objects: new Map(), cors: undefined };
    const cors = await readFile(path.join(dataDir, entry.name, 'cors.json'), 'utf8').catch(() => undefined);
    if (cors) bucket.cors = JSON.parse(cors) as CorsRule[];
    for (const file of await readdir(objectsDir(name)).catch(() => [] as string[])) {
      if (!file.endsWith('.json')) continue;
      const stem = file.slice(0, -5);
      const meta = JSON.parse(await readFile(path.join(objectsDir(name), file), 'utf8')) as Omit<
        LocalS3Object,
        'body' | 'lastModified'
      > & { key: string; lastModified: string };
      const body = await readFile(path.join(objectsDir(name), stem)).catch(() => undefined);
      if (body) {
        const { key, ...rest } = meta;
        bucket.objects.set(key, {
          ...rest,
          body,
          lastModified: new Date(meta.lastModified),
        });
      }
    }
    buckets.set(name, bucket);
  }
  return {
    createBucket: (bucket: string) => mkdir(objectsDir(bucket), { recursive: true }),
    saveCors: async (bucket: string, rules: CorsRule[] | undefined) => {
      const file = path.join(dataDir, hexKey(bucket), 'cors.json');
      if (rules) await writeFile(file, JSON.stringify(rules));
      else await rm(file, { force: true });
    },
    saveObject: async (bucket: string, key: string, object: LocalS3Object) => {
      const file = path.join(objectsDir(bucket), fileName(key));
      await writeFile(file, object.body);
      const { body: _body, ...meta } = object;
      await writeFile(`${file}.json`, JSON.stringify({ key, ...meta }));
    },
    deleteObject: async (bucket: string, key: string) => {
      const file = path.join(objectsDir(bucket), fileName(key));
      await rm(file, { force: true });
      await rm(`${file}.json`, { force: true });
    },
  };
}
