// Next's server sets globalThis.AsyncLocalStorage before it loads anything else; without it, each of
// Next's request storages is created as an inert stand-in when its module is first loaded, and no
// request scope can ever be entered in that process. A test file that uses this helper therefore
// imports it before any module of the app.
import 'next/dist/server/node-environment-baseline';
import { AsyncLocalStorage } from 'node:async_hooks';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';
import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external';
import { createRequestStore } from 'next/dist/server/async-storage/request-store';
import { createWorkStore } from 'next/dist/server/async-storage/work-store';

// Server actions called from a test as Next calls them: inside Next's own request scope, so the
// real `headers()`, `revalidatePath()`, `notFound()` and `unstable_rethrow()` run, not stand-ins.
// A file that calls actions this way needs no vi.mock, and so shares a worker process with the
// other files (ADR 0038) instead of evaluating the whole app again in a process of its own.
//
// The scope is built with the factories Next's own route handlers use (createWorkStore,
// createRequestStore), for one POST. What Next does after an action (render again what it
// revalidated) is not what these tests check.

/**
 * Runs `work` (one server action call) as the action of a request with `headers`. Each call is a
 * request of its own, as each action call from a browser is.
 */
async function inActionRequest<T>(headers: Headers, work: () => Promise<T>): Promise<T> {
  if (
    !(workAsyncStorage instanceof AsyncLocalStorage) ||
    !(workUnitAsyncStorage instanceof AsyncLocalStorage)
  ) {
    throw new Error(
      "Next's request storages were loaded before tests/next-request.ts: import it before the app's modules",
    );
  }
  const workStore = createWorkStore({
    page: '/',
    renderOpts: {
      cacheLifeProfiles: {},
      staticPageGenerationTimeout: 60,
      // revalidatePath() queues its tags on the work store for Next's cache; no page is cached
      // here, so an empty cache stands in for it.
      incrementalCache: {},
      cacheComponents: false,
      experimental: { isRoutePPREnabled: false, authInterrupts: false },
      isDraftMode: false,
      assetPrefix: '',
      onClose: () => {},
    } as never,
    deploymentId: '',
    buildId: 'test',
    previouslyRevalidatedTags: [],
  });
  const requestStore = createRequestStore({
    phase: 'action',
    headers,
    onUpdateCookies: undefined,
    url: { pathname: '/' },
    rootParams: {},
    implicitTags: { tags: [], expirationsByCacheKind: new Map() } as never,
    resumeDataCache: null,
    previewProps: undefined,
    isHmrRefresh: false,
    serverComponentsHmrCache: undefined,
    hmrRefreshHash: undefined,
    stagedFallbackParams: null,
  });
  return workUnitAsyncStorage.run(requestStore, () => workAsyncStorage.run(workStore, work));
}

/**
 * The exported actions of a module, each call run in a request scope of its own with the headers
 * `headersNow()` returns at that moment (the test sets them per call: who the browser is signed in
 * as, which origin it sends).
 */
export function asServerActions<M extends object>(module: M, headersNow: () => Headers): M {
  return Object.fromEntries(
    Object.entries(module).map(([name, value]) => [
      name,
      typeof value === 'function'
        ? (...args: unknown[]) =>
            inActionRequest(headersNow(), () => (value as (...args: unknown[]) => Promise<unknown>)(...args))
        : value,
    ]),
  ) as M;
}
