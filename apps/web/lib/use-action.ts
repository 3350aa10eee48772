'use client';

import { useCallback, useTransition } from 'react';
import type { ActionResult } from './action-result';
import { NETWORK_ERROR_MESSAGE } from './auth-errors';

/**
 * Calls a server action inside a transition: `pending` is true while it runs (and while the page
 * it refreshed re-renders). A failed round trip (offline, server gone) resolves to an error result
 * like any other, so callers handle one shape.
 */
export function useAction<Args extends unknown[], T>(
  action: (...args: Args) => Promise<ActionResult<T>>,
): { run: (...args: Args) => Promise<ActionResult<T>>; pending: boolean } {
  const [pending, startTransition] = useTransition();
  const run = useCallback(
    (...args: Args) =>
      new Promise<ActionResult<T>>((resolve) => {
        startTransition(async () => {
          try {
            resolve(await action(...args));
          } catch {
            resolve({
              ok: false,
              error: { code: 'unavailable', message: NETWORK_ERROR_MESSAGE, requestId: '' },
            });
          }
        });
      }),
    [action],
  );
  return { run, pending };
}
