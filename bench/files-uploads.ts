import { createS3Storage, prepareBucket } from '@plinth/core/storage';
import { startLocalS3 } from '@plinth/testing/local-s3';

// Child process of bench/files.ts: the local S3 server and the browsers uploading to it, in a
// process of their own so that parsing 1 MB multipart bodies never delays the list benchmark's
// clock (in the parent) nor the API node (its own process). On `run`, it keeps `concurrency`
// uploads in flight for `seconds`: each a POST policy signed for one 1 MB object (what
// POST …/files answers), then the multipart POST straight to the server, as a browser sends it.

const s3 = await startLocalS3();
const config = {
  endpoint: s3.url,
  region: s3.region,
  bucket: 'bench-files',
  accessKeyId: s3.accessKeyId,
  secretAccessKey: s3.secretAccessKey,
  forcePathStyle: true,
  publicBaseUrl: undefined,
};
await prepareBucket(config, ['http://127.0.0.1']);
const storage = createS3Storage(config);
const SIZE = 1024 * 1024;
const body = new Blob([new Uint8Array(Buffer.alloc(SIZE, 0x61))]);

async function uploadOnce(index: number): Promise<void> {
  const upload = await storage.presignUpload({
    key: `workspaces/bench/attachment/${process.pid}-${index}`,
    contentType: 'application/pdf',
    size: SIZE,
    expiresInSeconds: 300,
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', body, 'bench.pdf');
  const response = await fetch(upload.url, { method: 'POST', body: form });
  if (response.status !== 204) throw new Error(`storage answered ${response.status}`);
}

process.on('message', (message: { type: string; concurrency?: number; seconds?: number }) => {
  if (message.type === 'stop') void s3.stop().then(() => process.exit(0));
  if (message.type !== 'run') return;
  void (async () => {
    const until = Date.now() + message.seconds! * 1000;
    let done = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: message.concurrency! }, async () => {
        while (Date.now() < until) {
          await uploadOnce(next++);
          done++;
          // The server keeps objects in memory: drop them as they land (no request, no work for it).
          s3.objects(config.bucket).clear();
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    process.send?.({ type: 'done', uploads: done, seconds, bytes: done * SIZE });
  })().catch((error: unknown) => process.send?.({ type: 'error', message: String(error) }));
});
process.send?.({ type: 'ready' });
