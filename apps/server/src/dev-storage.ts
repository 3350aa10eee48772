import path from 'node:path';
import type { Env } from '@plinth/core/env';
import type { Logger } from '@plinth/core/logger';
import { prepareBucket } from '@plinth/core/storage';
// Like dev-stripe.ts: the one place outside tests that runs the local S3 server. Only dev.ts
// imports this file, and loadEnv() requires S3_ENDPOINT and refuses the local key in production.
import { startLocalS3, type LocalS3 } from '@plinth/testing/local-s3';

export interface DevStorage {
  /** `env` with storage pointed at the local server (unchanged when S3_ENDPOINT is set). */
  env: Env;
  /** Where the local server listens, when it runs. */
  url: string | undefined;
  stop(): Promise<void>;
}

/**
 * Without S3_ENDPOINT in development: starts the local S3-compatible server with its objects in
 * `<data dir>/s3` (they survive a restart, like the embedded Postgres next to them), creates the
 * bucket and the CORS rule that lets the app's origin upload to it. With S3_ENDPOINT: makes sure
 * the configured bucket exists with that CORS rule (MinIO in compose), and starts nothing.
 */
export async function startDevStorage(env: Env, logger: Logger): Promise<DevStorage> {
  if (env.isProduction) return { env, url: undefined, stop: async () => {} };
  if (env.storage.endpoint) {
    await prepareBucket(env.storage, [env.appUrl]).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not prepare the S3 bucket (create it and its CORS rule yourself)'),
    );
    return { env, url: undefined, stop: async () => {} };
  }
  const server: LocalS3 = await startLocalS3({
    dataDir: path.join(env.dataDir, 's3'),
    port: env.storage.localPort,
    region: env.storage.region,
  });
  const storage = {
    ...env.storage,
    endpoint: server.url,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
  };
  await prepareBucket(storage, [env.appUrl]);
  logger.info({ url: server.url }, 'local S3 server started');
  return { env: { ...env, storage }, url: server.url, stop: () => server.stop() };
}
