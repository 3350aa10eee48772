import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isProcessAlive, processStartTime } from './local-ports';

// One owner per embedded data directory: the process that runs its server holds `<dataDir>.lock`,
// and every other process that finds the lock with its owner alive leaves the cluster alone
// (docs/decisions/0015-dev-server-owns-its-database.md).

/** Who runs the cluster right now: `<dataDir>.lock`, beside the data directory. */
export function lockFileOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

export interface LockRecord {
  pid: number;
  /** The owner's start time (processStartTime), so a reused pid is not taken for it. */
  startedAt: string | null;
  purpose: string;
  /** Set once the server is up. */
  port?: number;
  postmasterPid?: number;
}

export interface DirectoryClaim {
  record(fields: { port: number; postmasterPid: number }): Promise<void>;
  release(): Promise<void>;
  releaseSync(): void;
}

/**
 * Takes the data directory for this process: `<dataDir>.lock`, created atomically (written aside,
 * then hard-linked into place, so nobody reads a half-written one). A lock whose process is gone
 * (a crashed or killed run) is taken over.
 */
export async function claimDataDirectory(
  dataDir: string,
  purpose: string,
): Promise<DirectoryClaim | { heldBy: LockRecord }> {
  const lockFile = lockFileOf(dataDir);
  const mine: LockRecord = {
    pid: process.pid,
    startedAt: (await processStartTime(process.pid)) ?? null,
    purpose,
  };
  for (let attempt = 0; ; attempt += 1) {
    const draft = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(draft, JSON.stringify(mine), { mode: 0o600 });
    try {
      await link(draft, lockFile);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      const holder = await readLock(lockFile);
      if (holder && (await isOwnerAlive(holder))) return { heldBy: holder };
      await unlink(lockFile).catch(() => {});
    } finally {
      await unlink(draft).catch(() => {});
    }
  }
  const ours = (record: LockRecord | undefined) =>
    record?.pid === mine.pid && record.startedAt === mine.startedAt;
  let released = false;
  return {
    async record(fields) {
      const draft = `${lockFile}.${process.pid}.update`;
      await writeFile(draft, JSON.stringify({ ...mine, ...fields }), { mode: 0o600 });
      await rename(draft, lockFile);
    },
    async release() {
      if (released) return;
      released = true;
      if (ours(await readLock(lockFile))) await unlink(lockFile).catch(() => {});
    },
    releaseSync() {
      if (released) return;
      released = true;
      try {
        if (ours(JSON.parse(readFileSync(lockFile, 'utf8')) as LockRecord)) unlinkSync(lockFile);
      } catch {
        // Already gone, or unreadable: nothing of ours to remove.
      }
    },
  };
}

export async function readLock(lockFile: string): Promise<LockRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(lockFile, 'utf8')) as LockRecord;
    return Number.isInteger(record.pid) ? record : undefined;
  } catch {
    return undefined;
  }
}

export async function isOwnerAlive(record: LockRecord): Promise<boolean> {
  if (!isProcessAlive(record.pid)) return false;
  if (!record.startedAt) return true;
  const startedAt = await processStartTime(record.pid);
  return startedAt === undefined || startedAt === record.startedAt;
}
