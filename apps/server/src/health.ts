import type { ServerResponse } from 'node:http';
import type { Database } from '@plinth/db';
import { readMigrationStatus, type MigrationState } from '@plinth/db/admin';
import type { NodeHandler } from './request-listener';

/** Paths the orchestrator probes, answered by every node that serves HTTP, whatever its role. */
export const LIVE_PATH = '/api/health/live';
export const READY_PATH = '/api/health/ready';

/** The node's own state that readiness reports besides the database: set at SIGTERM. */
export interface NodeState {
  draining: boolean;
}

export interface ReadinessReport {
  status: 'ready' | 'unready';
  database: 'ok' | 'down';
  /** `unknown` while the database is down; `ahead` stays ready (a newer release migrated it). */
  migrations: MigrationState | 'unknown';
  draining: boolean;
  version: string;
}

/**
 * Ready: not draining, the database answers within the timeout (as the app role, through the same
 * pool requests use) and every migration this build ships is applied.
 */
export async function checkReadiness(
  deps: { database: Database; state: NodeState; version: string },
  timeoutMs = 2_000,
): Promise<ReadinessReport> {
  const { draining } = deps.state;
  let database: ReadinessReport['database'] = 'ok';
  let migrations: ReadinessReport['migrations'] = 'unknown';
  if (!draining) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('readiness check timed out')), timeoutMs);
    });
    try {
      migrations = (await Promise.race([readMigrationStatus(deps.database.db), timeout])).state;
    } catch {
      database = 'down';
    } finally {
      clearTimeout(timer);
    }
  }
  const ready = !draining && database === 'ok' && migrations !== 'pending' && migrations !== 'unknown';
  return { status: ready ? 'ready' : 'unready', database, migrations, draining, version: deps.version };
}

/**
 * The two probes as a node handler: liveness is the process answering at all (never the database,
 * so an outage does not restart every node); readiness is checkReadiness, 200 or 503.
 */
export function healthProbes(deps: { database: Database; state: NodeState; version: string }): {
  handles(url: string | undefined): boolean;
  handle: NodeHandler;
} {
  const pathOf = (url: string | undefined) => url?.split('?')[0];
  return {
    handles: (url) => pathOf(url) === LIVE_PATH || pathOf(url) === READY_PATH,
    async handle(req, res) {
      if (pathOf(req.url) === LIVE_PATH) return sendJson(res, 200, { status: 'ok', version: deps.version });
      const report = await checkReadiness(deps);
      sendJson(res, report.status === 'ready' ? 200 : 503, report);
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}
