import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm test`: every *.test.ts except browser end-to-end tests (`npm run test:e2e`) and the
// multi-process topology tests (`npm run test:topology`). Test files run
// in parallel, each in its own database cloned from a template migrated once per run.
const include = ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'tests/**/*.test.ts'];
// tests/production starts the production build: `npm run test:build`, after `npm run build`.
const exclude = ['**/node_modules/**', 'e2e/**', 'tests/production/**', 'tests/topology/**'];

// A file that replaces modules (vi.mock, vi.doMock) needs a module graph of its own; every other
// file runs in a worker process that is reused from file to file, with the app's modules loaded
// once per worker instead of once per file (ADR 0038). Found by reading the files, so a new file
// that mocks is isolated without anyone remembering to list it.
const mocking = /\bvi\s*\.\s*(?:mock|doMock|unmock|doUnmock)\s*\(/;
// metrics-push passes alone and failed after other files in the same worker (its pushed histogram
// counted fewer requests than its counter); until that is understood it keeps a process of its own.
const sharesBadly = ['tests/observability/metrics-push.test.ts'];
const ownModuleGraph = ['packages', 'apps/server/src', 'tests']
  .flatMap((dir) => testFilesUnder(dir))
  .filter((file) => sharesBadly.includes(file) || mocking.test(readFileSync(file, 'utf8')));

function testFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative('.', path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes('node_modules'));
}

// What both projects share. The global setup stays on the root project alone: it runs once, and
// the projects read the template it provides from the root's context.
const common = {
  setupFiles: ['tests/next-environment.ts', 'tests/fail-on-console.ts', 'tests/fast-password-hashing.ts'],
  pool: 'forks' as const,
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    // Files at once: cores − 1 (Vitest's default), but at least 3, unless PLINTH_TEST_WORKERS says
    // otherwise. Most files wait on Postgres, sockets and their servers rather than on a core, so
    // on 2 cores three at once finish far sooner than one (measured in README, "npm test", and
    // ADR 0038). On a machine loaded far beyond its cores (load 20–29), two at once once pushed the
    // billing chaos run past its timeout: set PLINTH_TEST_WORKERS=1 there.
    maxWorkers:
      Number(process.env.PLINTH_TEST_WORKERS) > 0
        ? Number(process.env.PLINTH_TEST_WORKERS)
        : Math.max(3, availableParallelism() - 1),
    projects: [
      {
        test: {
          ...common,
          name: 'shared',
          include,
          exclude: [...exclude, ...ownModuleGraph],
          isolate: false,
        },
      },
      { test: { ...common, name: 'isolated', include: ownModuleGraph, exclude } },
    ],
  },
});
