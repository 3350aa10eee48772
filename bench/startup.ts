import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { appDatabaseUrl, loadEnv } from '@plinth/core/env';
import { createLogger } from '@plinth/core/logger';
import { benchEnvSource, freePort, openBenchDatabase } from './bench-database';
import { parseBenchOptions } from './cli-options';
import { loadAverageNow, loadLine } from './report-format';
import { progress } from './run-lifecycle';

// `npm run bench:startup [-- --rounds 3]` (after `npm run build`): how long each role takes from
// spawn to "plinth started", and its resident memory then (the whole process tree), started the old
// way (tsx on the TypeScript sources) and from the build (node on apps/server/dist), alternating, in
// one run against one database. Prints the median of the rounds; asserts nothing.

const options = parseBenchOptions({
  pgPort: 54345,
  dataDir: '.data/bench-startup',
  usage: 'usage: npm run bench:startup [-- --rounds 3 --pg-port 54345 --data-dir .data/bench-startup]',
});
const repoRoot = path.resolve(import.meta.dirname, '..');
if (!existsSync(path.join(repoRoot, 'apps/server/dist/main.js'))) {
  progress('apps/server/dist/main.js is missing: run `npm run build` first');
  process.exit(1);
}

const roles = ['all', 'api', 'web', 'worker'] as const;
const modes = {
  'tsx (source)': [path.join(repoRoot, 'node_modules/.bin/tsx'), 'apps/server/src/main.ts'],
  'node (build)': [process.execPath, '--enable-source-maps', 'apps/server/dist/main.js'],
} as const;
type Mode = keyof typeof modes;

const env = loadEnv(benchEnvSource(options, {}));
const logger = createLogger({ level: 'warn' });
const owner = await openBenchDatabase(env, logger, () => {});

/** Resident memory of a process and its descendants, in MiB, from /proc. */
function treeRssMiB(pid: number): number {
  let kib = 0;
  const visit = (id: number) => {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(' ') : []) visit(Number(child));
      }
    } catch {
      // exited meanwhile
    }
  };
  visit(pid);
  return kib / 1024;
}

async function startOnce(mode: Mode, role: string): Promise<{ ms: number; rssMiB: number }> {
  const port = await freePort();
  const [command, ...args] = modes[mode];
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PLINTH_ROLE: role,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: owner.ownerUrl,
      DATABASE_APP_URL: appDatabaseUrl(env, owner.ownerUrl),
      AUTH_SECRET: randomBytes(32).toString('hex'),
      SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://127.0.0.1:1',
      SHUTDOWN_DRAIN_DELAY_MS: '0',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('close', resolve));
  const ready = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"msg":"plinth started"')) resolve(performance.now() - started);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('close', () => reject(new Error(`${mode} ${role} exited before it started:\n${output}`)));
  });
  const ms = await ready;
  const rssMiB = treeRssMiB(child.pid!);
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  return { ms, rssMiB };
}

const loadBefore = loadAverageNow();
const row = (cells: string[]) =>
  cells.map((cell, index) => (index === 0 ? cell.padEnd(8) : cell.padStart(16))).join('');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const results = new Map<string, { ms: number[]; rssMiB: number[] }>();
try {
  for (let round = 1; round <= options.rounds; round++) {
    for (const role of roles) {
      for (const mode of Object.keys(modes) as Mode[]) {
        progress(`round ${round}/${options.rounds}: ${role}, ${mode}`);
        const { ms, rssMiB } = await startOnce(mode, role);
        const entry = results.get(`${role}|${mode}`) ?? { ms: [], rssMiB: [] };
        entry.ms.push(ms);
        entry.rssMiB.push(rssMiB);
        results.set(`${role}|${mode}`, entry);
      }
    }
  }
} finally {
  await owner.stop();
}

console.log(
  `\nStart time (spawn to "plinth started") and RSS of the process tree then; median of ${options.rounds} ` +
    `rounds, alternating, Node ${process.version}, ${env.databaseUrl ? 'DATABASE_URL' : 'embedded Postgres'}.\n`,
);
console.log(row(['role', 'tsx start ms', 'build start ms', 'tsx RSS MiB', 'build RSS MiB']));
for (const role of roles) {
  const before = results.get(`${role}|tsx (source)`)!;
  const after = results.get(`${role}|node (build)`)!;
  console.log(
    row([
      role,
      median(before.ms).toFixed(0),
      median(after.ms).toFixed(0),
      median(before.rssMiB).toFixed(0),
      median(after.rssMiB).toFixed(0),
    ]),
  );
}
console.log(`\n${loadLine(loadBefore)}`);
