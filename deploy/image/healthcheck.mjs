// The image's HEALTHCHECK: GET /api/health on this container's port. A worker serves no HTTP unless
// HEALTH_PORT is set (then its /api/health/live is asked); without it, it counts as healthy while
// its process runs (the orchestrator restarts it when it exits).
/* eslint-disable no-restricted-properties -- runs alone as the image's HEALTHCHECK, not in the app: it reads three of the app's variables to find its port */
/* global fetch, AbortSignal -- Node's globals (the image runs Node 24) */
const role = process.env.PLINTH_ROLE ?? 'all';
const url =
  role !== 'worker'
    ? `http://127.0.0.1:${process.env.PORT ?? '3000'}/api/health`
    : process.env.HEALTH_PORT
      ? `http://127.0.0.1:${process.env.HEALTH_PORT}/api/health/live`
      : undefined;
if (!url) process.exit(0);
try {
  const response = await fetch(url, { signal: AbortSignal.timeout(2500) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
