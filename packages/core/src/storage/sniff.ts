import type { Storage } from './storage';

// What a file's first bytes say it is, for the types whose signature is unambiguous. Completion
// compares this with the declared type, so a PNG-named SVG (script) or HTML page is rejected.

/** Bytes read from the start of an object to sniff it. */
export const SNIFF_BYTES = 64;

const signatures: { type: string; test: (b: Buffer) => boolean }[] = [
  {
    type: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  {
    type: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'application/zip', test: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) },
];

const zipContainers = new Set([
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

const textTypes = new Set(['text/plain', 'text/csv', 'application/json']);

/** The type the bytes show, when they show one of the signatures above; undefined otherwise. */
export function sniffType(start: Buffer): string | undefined {
  return signatures.find((signature) => signature.test(start))?.type;
}

/**
 * Whether `start` may be the beginning of a file of `declared` type: binary formats must carry
 * their signature (Office documents are zip containers); text must not look like any binary format
 * nor like markup a browser would render.
 */
export function bytesMatchType(start: Buffer, declared: string): boolean {
  const sniffed = sniffType(start);
  if (zipContainers.has(declared)) return sniffed === 'application/zip';
  if (textTypes.has(declared)) {
    const head = start.toString('utf8').trimStart().slice(0, 32).toLowerCase();
    return sniffed === undefined && !start.includes(0) && !/^<(?:!doctype|html|svg|script|\?xml)/.test(head);
  }
  return sniffed === declared;
}

/** Why a stored upload is not what was declared: the field it contradicts, in words. */
export interface UploadProblem {
  field: 'size' | 'content_type';
  reason: string;
}

/**
 * Checks the copy of an upload at `key` against what was declared: it exists, has the declared
 * size and content type, and its first bytes are that type. Answers `missing` when there is no
 * object, the problem when it contradicts the declaration, or `ok`. Files and avatars complete
 * through this one check.
 */
export async function checkStoredUpload(
  storage: Pick<Storage, 'head' | 'readStart'>,
  key: string,
  declared: { size: number; contentType: string },
): Promise<{ kind: 'missing' } | { kind: 'problem'; problem: UploadProblem } | { kind: 'ok' }> {
  const stored = await storage.head(key);
  if (!stored) return { kind: 'missing' };
  if (stored.size !== declared.size) {
    return {
      kind: 'problem',
      problem: {
        field: 'size',
        reason: `The upload is ${stored.size} bytes, not the ${declared.size} declared.`,
      },
    };
  }
  if ((stored.contentType ?? '').toLowerCase() !== declared.contentType) {
    return {
      kind: 'problem',
      problem: {
        field: 'content_type',
        reason: `The upload is ${stored.contentType ?? 'untyped'}, not ${declared.contentType}.`,
      },
    };
  }
  const start = await storage.readStart(key, SNIFF_BYTES);
  if (!start || !bytesMatchType(start, declared.contentType)) {
    return {
      kind: 'problem',
      problem: { field: 'content_type', reason: `The file's content is not ${declared.contentType}.` },
    };
  }
  return { kind: 'ok' };
}
