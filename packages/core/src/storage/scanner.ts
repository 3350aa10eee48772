// The scan seam: files of a purpose marked `scan` stay `pending_scan` until a FileScanner says
// clean. The default passes everything and says so in the log; production plugs in a real one
// (ClamAV's clamd over TCP: see the README's "Files" section).

export type ScanVerdict = { clean: true } | { clean: false; reason: string };

export interface FileScanner {
  /** A name for logs and audit rows ("clamd", "pass-through"). */
  readonly name: string;
  /** Scans the object's bytes; throwing leaves the file pending_scan and the job retries. */
  scan(input: { key: string; read: () => Promise<Buffer | null> }): Promise<ScanVerdict>;
}

/** Development's scanner: everything is clean. It says so, so nobody mistakes it for a scan. */
export const passThroughScanner: FileScanner = {
  name: 'pass-through (no virus scanning configured)',
  scan: () => Promise.resolve({ clean: true }),
};
