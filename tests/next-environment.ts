// Setup file of every `npm test` file: what Next's server does first, before it loads anything else
// (globalThis.AsyncLocalStorage for its request storages). Files share worker processes (ADR 0038),
// so whichever file first loads a module of the app that reaches Next, Next's request storages are
// real ones and tests/next-request.ts can enter a request scope in that process.
import 'next/dist/server/node-environment-baseline';
