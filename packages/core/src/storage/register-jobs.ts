import type { Database } from '@plinth/db';
import { defineQueue, type JobQueue } from '../jobs/index';
import type { Logger } from '../logger/index';
import { cleanUpFiles, fileCleanupQueue } from './cleanup';
import { fileScanQueueName, scanFile } from './files';
import { fileImageQueueName, resizeImageFile } from './images';
import { avatarImageQueueName, cleanUpAvatars, resizeAvatar } from './avatars';
import type { FileScanner } from './scanner';
import type { Storage } from './storage';

/** A completed file of a scanned purpose waits here for the FileScanner. */
export const fileScanQueue = defineQueue({
  name: fileScanQueueName,
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
});

/** A ready image (a logo) waits here to be resized. */
export const fileImageQueue = defineQueue({ name: fileImageQueueName, retryLimit: 3, retryDelaySeconds: 10 });

/** A ready avatar waits here to be resized (job id = avatar id). */
export const avatarImageQueue = defineQueue({
  name: avatarImageQueueName,
  retryLimit: 3,
  retryDelaySeconds: 10,
});

export const fileQueues = [fileScanQueue, fileImageQueue, avatarImageQueue, fileCleanupQueue];

/** The file workers and the hourly cleanup schedule; worker nodes only. */
export async function registerFileJobs(deps: {
  database: Database;
  storage: Storage;
  jobs: JobQueue;
  scanner: FileScanner;
  logger: Logger;
}): Promise<void> {
  const { jobs, logger } = deps;
  await jobs.work<{ workspaceId: string; fileId: string }>(fileScanQueueName, async (data) => {
    const result = await scanFile(deps, data.workspaceId, data.fileId);
    logger.info({ fileId: data.fileId, status: result?.status }, 'file scanned');
  });
  await jobs.work<{ workspaceId: string; fileId: string }>(fileImageQueueName, async (data) => {
    const variants = await resizeImageFile(deps, data);
    logger.info({ fileId: data.fileId, sizes: Object.keys(variants) }, 'image resized');
  });
  await jobs.work<{ userId: string; avatarId: string }>(avatarImageQueueName, async (data) => {
    const result = await resizeAvatar(deps, data);
    logger.info({ avatarId: data.avatarId, resized: Boolean(result) }, 'avatar resized');
  });
  await jobs.work(fileCleanupQueue.name, async () => {
    const counts = await cleanUpFiles({
      ...deps,
      rescan: async (workspaceId, fileId) => {
        await jobs.send(fileScanQueueName, { workspaceId, fileId }, { id: fileId });
      },
    });
    const avatars = await cleanUpAvatars(deps);
    logger.info({ ...counts, avatars }, 'cleaned up files');
  });
  await jobs.schedule(fileCleanupQueue.name, '37 * * * *');
}
