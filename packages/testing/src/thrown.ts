// The error a call throws, for tests that inspect it. Unlike expect.unreachable() inside a try, a
// call that does not throw fails here, outside any catch that could swallow the failure.

/** What `work` throws; fails the test when it returns instead. */
export function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to throw, but it returned.');
}

/** What `work` rejects with; fails the test when it resolves instead. */
export async function rejectionOf(work: Promise<unknown> | (() => Promise<unknown>)): Promise<unknown> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}
