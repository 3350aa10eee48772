// The image's HEALTHCHECK: GET /api/health on this container's port. A worker serves no HTTP, so
// it counts as healthy while its process runs (the orchestrator restarts it when it exits).
const role = process.env.PLINTH_ROLE ?? 'all';
if (role === 'worker') process.exit(0);
const port = process.env.PORT ?? '3000';
try {
  const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2500) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
