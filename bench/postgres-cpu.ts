import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

// CPU time of the embedded cluster a bench started, from /proc (Linux only): what the benches print
// as "+ … ms Postgres" per request or render.

/** The postmaster's pid, from the cluster's `postmaster.pid` under `<dataDir>/postgres`. */
export async function postmasterPid(dataDir: string): Promise<number | undefined> {
  try {
    const text = await readFile(path.resolve(dataDir, 'postgres', 'postmaster.pid'), 'utf8');
    return Number(text.split('\n', 1)[0]);
  } catch {
    return undefined;
  }
}

/**
 * utime + stime of the postmaster and its live children (the backends), plus cutime + cstime of the
 * postmaster: what its children that have exited spent (a pool's idle connection closing between
 * two samples must not take its CPU time out of the sum). In clock ticks.
 */
export async function postgresTicks(postmaster: number | undefined): Promise<number | undefined> {
  if (postmaster === undefined || process.platform !== 'linux') return undefined;
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command (which may hold spaces) start at state: ppid is 2nd, utime 12th,
    // stime 13th, cutime 14th, cstime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) === postmaster) total += Number(fields[13]) + Number(fields[14]);
    else if (Number(fields[1]) !== postmaster) continue;
    total += Number(fields[11]) + Number(fields[12]);
  }
  return total;
}
