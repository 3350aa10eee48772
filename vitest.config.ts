import { defineConfig } from 'vitest/config';

// `npm test`: every *.test.ts except browser end-to-end tests (`npm run test:e2e`) and the
// multi-process topology tests (`npm run test:topology`). Test files run
// in parallel, each in its own database cloned from a template migrated once per run.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'tests/**/*.test.ts'],
    // tests/production starts the production build: `npm run test:build`, after `npm run build`.
    exclude: ['**/node_modules/**', 'e2e/**', 'tests/production/**', 'tests/topology/**'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/fail-on-console.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
