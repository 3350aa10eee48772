import { z } from 'zod';
import { singleLineText } from '../text/index';
import { filePurposeKeys, MAX_FILE_BYTES } from './purposes';

/**
 * A file's name as shown and offered on download: one line, no control or bidirectional-override
 * characters (singleLineText refuses those), no path (a `/` or `\` would name a place, not a file),
 * and not `.` or `..`. Invisible direction marks are refused too: they can reorder what a person
 * reads.
 */
export const fileName = singleLineText({ min: 1, max: 255, minMessage: 'Enter a file name.' })
  .refine((value) => !/[/\\]/.test(value), 'A file name cannot contain / or \\.')
  .refine((value) => !/[\u200e\u200f\u061c]/u.test(value), 'Remove direction marks from the file name.')
  .refine((value) => value !== '.' && value !== '..', 'Enter a file name.');

const contentType = z
  .string()
  .trim()
  .toLowerCase()
  .max(255, 'Use at most 255 characters.')
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, 'Use a media type like image/png.');

/** Declaring an upload: what the browser is about to send. Field names are the API's. */
export const createUploadInput = z.strictObject({
  name: fileName,
  content_type: contentType,
  size: z
    .number('Enter the size in bytes.')
    .int('Enter the size in bytes.')
    .min(1, 'An empty file cannot be uploaded.')
    .max(MAX_FILE_BYTES, `Files are at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`),
  purpose: z.enum(filePurposeKeys, `Use one of: ${filePurposeKeys.join(', ')}.`),
  project_id: z.uuid('Invalid project id.').optional(),
});
export type CreateUploadInput = z.input<typeof createUploadInput>;

export const listFilesInput = z.strictObject({
  project_id: z.uuid('Invalid project id.'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .regex(/^[0-9a-f-]{36}$/, 'Invalid cursor.')
    .optional(),
});
export type ListFilesInput = z.input<typeof listFilesInput>;

export const fileId = z.uuid('Invalid file id.');
