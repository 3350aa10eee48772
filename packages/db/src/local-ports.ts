import { readdir, readFile, readlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

// Ports and processes of this machine, for the local tooling (the embedded Postgres, the dev
// server): is a port free, and if not, who holds it, so that an error can name what to stop.

/** A free TCP port on 127.0.0.1 at this moment (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Whether `host:port` can be listened on now (false when something holds it). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export interface PortHolder {
  pid: number;
  /** The process's command line, as `ps` would show it. */
  command: string;
  /** For a Postgres server: the data directory it serves (`-D`). */
  dataDirectory?: string;
}

/**
 * The process listening on TCP `port`, found through /proc (Linux). Undefined elsewhere, or when
 * the process is not visible to us (another user's, without root): callers say "another process".
 */
export async function findPortHolder(port: number): Promise<PortHolder | undefined> {
  if (process.platform !== 'linux') return undefined;
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXADDR:HEXPORT; state 0A is LISTEN; field 9 is the socket's inode.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return describeProcess(Number(entry));
    }
  }
  return undefined;
}

async function describeProcess(pid: number): Promise<PortHolder> {
  const argv = (await processCommandLine(pid)) ?? [];
  const holder: PortHolder = { pid, command: argv.join(' ').slice(0, 300) || 'unknown' };
  const dataFlag = argv.indexOf('-D');
  if (path.basename(argv[0] ?? '') === 'postgres' && dataFlag >= 0 && argv[dataFlag + 1]) {
    holder.dataDirectory = argv[dataFlag + 1];
  }
  return holder;
}

/** "postgres (pid 123) serving /x/.data/postgres", for an error message. */
export function describePortHolder(holder: PortHolder): string {
  if (holder.dataDirectory) return `a Postgres server (pid ${holder.pid}) serving ${holder.dataDirectory}`;
  return `pid ${holder.pid} (${holder.command})`;
}

/** A process's argv from /proc (Linux); undefined when it is gone or not ours to read. */
export async function processCommandLine(pid: number): Promise<string[] | undefined> {
  if (process.platform !== 'linux') return undefined;
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return raw?.split('\0').filter(Boolean);
}

/**
 * When a process started, in clock ticks since boot (Linux /proc/<pid>/stat field 22): with the pid,
 * it names one process for good, so a reused pid is not mistaken for the one recorded. Undefined
 * where /proc is not available.
 */
export async function processStartTime(pid: number): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // The command name (field 2) is in parentheses and may contain spaces: count from after it.
  const afterName = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return afterName?.[19];
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
