import { sql } from 'drizzle-orm';
import type { Database } from '@plinth/db';

export interface HealthReport {
  status: 'ok' | 'degraded';
  db: 'ok' | 'down';
  version: string;
}

/** Liveness of what a request needs: the database answers a trivial query within the timeout. */
export async function checkHealth(
  deps: { database: Database; version: string },
  timeoutMs = 2_000,
): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database health check timed out')), timeoutMs);
  });
  try {
    await Promise.race([deps.database.db.execute(sql`select 1`), timeout]);
    return { status: 'ok', db: 'ok', version: deps.version };
  } catch {
    return { status: 'degraded', db: 'down', version: deps.version };
  } finally {
    clearTimeout(timer);
  }
}
