import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './dev-server';

// The browser tests run `npm run dev` with DEV_SERVE_BUILD=true: pages come from apps/web's
// production build. A build older than the code would test yesterday's pages, so this builds first
// when any source that goes into it (apps/web, packages/*/src, the lockfile) is newer than the build.
// After `npm run build` (CI builds before it runs the browser tests) nothing is rebuilt.

const SKIPPED = new Set(['.next', 'node_modules', 'next-env.d.ts']);

function newestChange(directory: string): { file: string; mtimeMs: number } {
  let newest = { file: directory, mtimeMs: 0 };
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name) || entry.name.endsWith('.tsbuildinfo')) continue;
    const file = path.join(directory, entry.name);
    const found = entry.isDirectory() ? newestChange(file) : { file, mtimeMs: statSync(file).mtimeMs };
    if (found.mtimeMs > newest.mtimeMs) newest = found;
  }
  return newest;
}

export function webBuildStaleness(root = repoRoot): string | undefined {
  let built: number;
  try {
    built = statSync(path.join(root, 'apps/web/.next/BUILD_ID')).mtimeMs;
  } catch {
    return 'there is no production build of the pages yet';
  }
  const packages = readdirSync(path.join(root, 'packages')).map((name) =>
    path.join(root, 'packages', name, 'src'),
  );
  for (const source of [path.join(root, 'apps/web'), ...packages, path.join(root, 'package-lock.json')]) {
    const newest = statSync(source).isDirectory()
      ? newestChange(source)
      : { file: source, mtimeMs: statSync(source).mtimeMs };
    if (newest.mtimeMs > built) return `${path.relative(root, newest.file)} changed after the last build`;
  }
  return undefined;
}

export default function setup(): void {
  const why = webBuildStaleness();
  if (!why) return;
  console.log(`e2e: building the pages (npm run build -w @plinth/web): ${why}`);
  const build = spawnSync('npm', ['run', 'build', '-w', '@plinth/web'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error(`npm run build -w @plinth/web failed (exit code ${build.status})`);
}
