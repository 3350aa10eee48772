import type { Database } from '@plinth/db';
import type { Env } from '@plinth/core/env';
import type { Logger } from '@plinth/core/logger';

/** What the API needs from the process; built once in apps/server, and by each test for itself. */
export interface ApiDeps {
  env: Env;
  database: Database;
  logger: Logger;
  version: string;
}

export interface ApiEnv {
  Variables: {
    requestId: string;
    logger: Logger;
  };
}
