import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the README's commands run as a person would (npm run dev in a child process)
// and pages driven in Debian's chromium. Files run one at a time: each starts a whole stack. Pages
// come from the production build (DEV_SERVE_BUILD=true; the global setup builds when the sources are
// newer than it), not from on-demand compiles: see docs/decisions/0041.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    // Hang bounds, not speed targets: a busy CI machine starts a stack slowly, and the dev-command
    // tests still compile pages on demand.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
