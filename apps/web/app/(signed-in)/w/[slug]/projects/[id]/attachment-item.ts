import type { FileView } from '@plinth/core/storage';

/** What the attachments list shows of a file: plain values a client component can receive. */
export interface AttachmentItem {
  id: string;
  name: string;
  contentType: string;
  size: number;
  status: 'pending' | 'pending_scan' | 'ready' | 'rejected';
  createdAt: string;
}

export function toAttachmentItem(file: FileView): AttachmentItem {
  return {
    id: file.id,
    name: file.name,
    contentType: file.contentType,
    size: file.size,
    status: file.status,
    createdAt: file.createdAt.toISOString(),
  };
}
