import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createS3Client,
  createS3Storage,
  prepareBucket,
  type S3StorageConfig,
  type Storage,
} from '@plinth/core/storage';
import { startLocalS3, type LocalS3 } from '@plinth/testing/local-s3';

// The local S3 server is a stand-in for object storage: these tests drive it with the real AWS SDK
// and a browser-shaped fetch, and check that it refuses what S3 refuses (so the tests of uploads
// built on it cannot pass against a server more lenient than production's).

let s3: LocalS3;
let config: S3StorageConfig;
let storage: Storage;
let clock = 0;
const origin = 'http://app.test';

beforeAll(async () => {
  s3 = await startLocalS3({ now: () => new Date(Date.now() + clock) });
  config = {
    endpoint: s3.url,
    region: s3.region,
    bucket: 'local-s3-test',
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
    publicBaseUrl: undefined,
  };
  storage = createS3Storage(config);
  await prepareBucket(config, [origin]);
});
afterAll(() => s3.stop());

async function upload(
  post: { url: string; fields: Record<string, string> },
  body: Buffer,
  edit: (form: FormData) => void = () => {},
  type = 'text/plain',
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
  edit(form);
  form.append('file', new Blob([new Uint8Array(body)], { type }), 'a.txt');
  return fetch(post.url, { method: 'POST', body: form, headers: { origin } });
}

const policy = (key: string, size: number, contentType = 'text/plain') =>
  storage.presignUpload({ key, contentType, size, expiresInSeconds: 300 });

describe('local S3 server', () => {
  it('accepts a POST upload within its policy, and the SDK reads it back', async () => {
    const body = Buffer.from('hello, storage');
    const response = await upload(await policy('ok/one.txt', body.length), body);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(await storage.head('ok/one.txt')).toEqual({ size: body.length, contentType: 'text/plain' });
    expect((await storage.readStart('ok/one.txt', 5))?.toString()).toBe('hello');
    await storage.copy('ok/one.txt', 'ok/two.txt');
    expect((await storage.read('ok/two.txt'))?.toString()).toBe('hello, storage');
    await storage.delete('ok/one.txt');
    expect(await storage.head('ok/one.txt')).toBeNull();
  });

  it('refuses an upload bigger or smaller than the signed size, leaving nothing', async () => {
    const big = await upload(await policy('size/big', 10), Buffer.alloc(11, 1));
    expect(big.status).toBe(400);
    expect(await big.text()).toContain('EntityTooLarge');
    const small = await upload(await policy('size/small', 10), Buffer.alloc(9, 1));
    expect(small.status).toBe(400);
    expect(await small.text()).toContain('EntityTooSmall');
    expect([...s3.objects(config.bucket).keys()].filter((k) => k.startsWith('size/'))).toEqual([]);
  });

  it('refuses another content type, another key, an extra field, a forged policy and an expired one', async () => {
    const post = await policy('strict/a', 3);
    const edited = (name: string, value: string) => (form: FormData) => form.set(name, value);
    for (const edit of [
      edited('Content-Type', 'text/html'),
      edited('key', 'strict/elsewhere'),
      edited('x-amz-meta-extra', 'no'),
    ]) {
      const response = await upload(post, Buffer.from('abc'), edit);
      expect(response.status).toBe(403);
    }
    const forged = JSON.parse(Buffer.from(post.fields.Policy!, 'base64').toString()) as {
      conditions: unknown[];
    };
    forged.conditions = forged.conditions.filter((c) => !Array.isArray(c) || c[0] !== 'content-length-range');
    const tampered = await upload(post, Buffer.from('abcdef'), (form) =>
      form.set('Policy', Buffer.from(JSON.stringify(forged)).toString('base64')),
    );
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('SignatureDoesNotMatch');
    clock = 301_000;
    try {
      const late = await upload(post, Buffer.from('abc'));
      expect(late.status).toBe(403);
      expect(await late.text()).toContain('expired');
    } finally {
      clock = 0;
    }
    expect([...s3.objects(config.bucket).keys()].filter((k) => k.startsWith('strict/'))).toEqual([]);
  });

  it('serves a presigned GET with our type and disposition, and refuses an edited or anonymous one', async () => {
    await upload(await policy('get/a.bin', 4, 'application/pdf'), Buffer.from('%PDF'), () => {}, 'text/html');
    const url = await storage.presignDownload({
      key: 'get/a.bin',
      contentType: 'application/pdf',
      fileName: 'report "final".pdf',
      disposition: 'attachment',
      expiresInSeconds: 60,
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="report _final_.pdf"/);
    expect(await response.text()).toBe('%PDF');
    expect(
      (await fetch(url.replace('get%2Fa.bin', 'get%2Fb.bin').replace('get/a.bin', 'get/b.bin'))).status,
    ).toBe(403);
    expect(
      (await fetch(url.replace(/response-content-type=[^&]+/, 'response-content-type=text%2Fhtml'))).status,
    ).toBe(403);
    expect((await fetch(`${s3.url}/${config.bucket}/get/a.bin`)).status).toBe(403);
    clock = 61_000;
    try {
      expect((await fetch(url)).status).toBe(403);
    } finally {
      clock = 0;
    }
  });

  it('answers CORS preflights only for the configured origins', async () => {
    const preflight = (from: string) =>
      fetch(`${s3.url}/${config.bucket}`, {
        method: 'OPTIONS',
        headers: { origin: from, 'access-control-request-method': 'POST' },
      });
    const allowed = await preflight(origin);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    expect((await preflight('http://evil.test')).status).toBe(403);
  });

  it('refuses a request signed with another secret', async () => {
    const wrong = createS3Storage(config, createS3Client({ ...config, secretAccessKey: 'not-the-secret' }));
    const error = await wrong.head('ok/two.txt').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 403 } });
  });
});

describe('pages may upload to the bucket', () => {
  it("names the bucket's origin in connect-src, path-style or virtual-hosted, and nothing without storage", async () => {
    const { securityHeaders } = await import('@plinth/core/security');
    const { storageBrowserOrigins } = await import('@plinth/core/storage');
    const local = storageBrowserOrigins({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'b',
      forcePathStyle: true,
    });
    expect(local).toEqual(['http://127.0.0.1:9000']);
    const r2 = storageBrowserOrigins({
      endpoint: 'https://acc.r2.cloudflarestorage.com',
      bucket: 'files',
      forcePathStyle: false,
    });
    expect(r2).toEqual(['https://files.acc.r2.cloudflarestorage.com']);
    expect(storageBrowserOrigins({ endpoint: undefined, bucket: 'b', forcePathStyle: false })).toEqual([]);
    const csp = securityHeaders({ production: true, surface: 'page', connectSources: r2 })[
      'Content-Security-Policy'
    ];
    expect(csp).toContain("connect-src 'self' https://files.acc.r2.cloudflarestorage.com;");
    expect(securityHeaders({ production: true, surface: 'page' })['Content-Security-Policy']).toContain(
      "connect-src 'self';",
    );
  });
});
