import { defineConfig } from 'vitest/config';

// `npm run test:topology`: real HAProxy and PgBouncer (Debian packages) in front of several Plinth
// processes. Not part of `npm test`: it needs both binaries and runs for a few minutes.
export default defineConfig({
  test: {
    include: ['tests/topology/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/fail-on-console.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 180_000,
  },
});
