import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the README's commands run as a person would (npm run dev in a child process)
// and pages driven in Debian's chromium. Files run one at a time: each starts a whole stack.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    fileParallelism: false,
    // Hang bounds, not speed targets: a busy CI machine compiles dev pages slowly.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
