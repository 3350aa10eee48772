import { Hono } from 'hono';
import { checkHealth } from '@plinth/core/health';
import type { ApiDeps, ApiEnv } from '../types';

export function healthRoutes(deps: ApiDeps) {
  return new Hono<ApiEnv>().get('/health', async (c) => {
    const report = await checkHealth({ database: deps.database, version: deps.version });
    c.header('Cache-Control', 'no-store');
    return c.json(report, report.db === 'ok' ? 200 : 503);
  });
}
