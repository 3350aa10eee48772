/**
 * POSTs a file straight to object storage with the signed form fields from a declared upload,
 * reporting progress; our server never sees the bytes. Resolves with the storage's status (204
 * when it accepted them; 0 when the request failed). Browser-only.
 */
export function sendToStorage(
  upload: { url: string; fields: Record<string, string> },
  file: File,
  onProgress: (fraction: number) => void,
): Promise<number> {
  return new Promise((resolve) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', file);
    const request = new XMLHttpRequest();
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => resolve(request.status));
    request.addEventListener('error', () => resolve(0));
    request.open('POST', upload.url);
    request.send(form);
  });
}

/** Initials for a person or a workspace, shown until (or instead of) their picture. */
export function initials(name: string, fallback = ''): string {
  const source = name.trim() || fallback;
  const parts = source.split(/\s+/u).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : source.slice(0, 1);
  return letters.toUpperCase();
}
