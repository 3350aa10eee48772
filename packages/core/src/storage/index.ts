// Files: the Storage seam (the S3 API; the wiring builds it), the file table's service (declare an
// upload, complete it, list, download, delete), purposes with their allowlists, the scan seam and
// the jobs that clean up. Bytes never pass through our servers (docs/architecture.md §6).
export {
  bucketCorsRule,
  contentDisposition,
  createS3Client,
  createS3Storage,
  prepareBucket,
  storageBrowserOrigins,
  storageImageOrigins,
  type PresignedUpload,
  type S3StorageConfig,
  type Storage,
  type StoredObject,
} from './storage';
export {
  completeUpload,
  createUpload,
  deleteFile,
  deleteFileObjects,
  downloadFile,
  fileScanQueueName,
  formatBytes,
  getFile,
  getWorkspaceLogo,
  listFiles,
  removeWorkspaceLogo,
  scanFile,
  storageUsage,
  type FileDeps,
  type FileView,
} from './files';
export { cleanUpFiles, fileCleanupQueue } from './cleanup';
export * from './purposes';
export {
  createUploadInput,
  fileName,
  listFilesInput,
  type CreateUploadInput,
  type ListFilesInput,
} from './schemas';
export { passThroughScanner, type FileScanner, type ScanVerdict } from './scanner';
export { bytesMatchType, sniffType } from './sniff';
export { fileQueues, registerFileJobs } from './register-jobs';
export {
  imageSizeNames,
  imageSizes,
  publicImageKey,
  publicImageScopes,
  publicImageUrl,
  resizeImage,
  resizeImageFile,
  type ImageSize,
  type PublicImageScope,
} from './images';
export {
  AVATAR_MAX_BYTES,
  avatarContentTypes,
  avatarImageQueueName,
  cleanUpAvatars,
  completeAvatarUpload,
  createAvatarUpload,
  createAvatarUploadInput,
  getAvatar,
  removeAvatar,
  resizeAvatar,
  type AvatarDeps,
  type AvatarView,
  type CreateAvatarUploadInput,
} from './avatars';
