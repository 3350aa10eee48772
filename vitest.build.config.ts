import { defineConfig } from 'vitest/config';

// `npm run test:build`, after `npm run build`: the production server started from the build as an
// operator starts it (tests/production). Not in `npm test`, which runs before anything is built.
export default defineConfig({
  test: {
    include: ['tests/production/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/fail-on-console.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
