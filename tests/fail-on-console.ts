import { afterEach, beforeEach, vi, type MockInstance } from 'vitest';

// House rule: console.error / console.warn fail a test unless it expects them
// (a test that does calls `vi.mocked(console.error).mockClear()` after asserting on it).
let errorSpy: MockInstance;
let warnSpy: MockInstance;

beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error');
  warnSpy = vi.spyOn(console, 'warn');
});

afterEach(() => {
  const calls = [...errorSpy.mock.calls, ...warnSpy.mock.calls];
  errorSpy.mockRestore();
  warnSpy.mockRestore();
  if (calls.length > 0) {
    throw new Error(`unexpected console output:\n${calls.map((args) => args.join(' ')).join('\n')}`);
  }
});
