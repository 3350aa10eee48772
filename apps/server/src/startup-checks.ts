import { describePortHolder, findPortHolder, isPortFree } from '@plinth/db/admin';
import type { Env } from '@plinth/core/env';

/** A refusal to start that a person can act on: shown as its message, without a stack trace. */
export class StartupRefusal extends Error {
  override name = 'StartupRefusal';
}

/**
 * Fails at once when the HTTP port is taken, before anything touches a database: a run that cannot
 * serve must not migrate, seed or start workers first. (The listen itself can still lose a race;
 * the caller exits non-zero on that error too.) Nodes without HTTP and port 0 have nothing to check.
 */
export async function assertHttpPortFree(env: Env): Promise<void> {
  if (env.role === 'worker' || env.port === 0) return;
  if (await isPortFree(env.port, env.host)) return;
  const holder = await findPortHolder(env.port);
  throw new StartupRefusal(
    `PORT ${env.port} on ${env.host} is already in use${holder ? ` by ${describePortHolder(holder)}` : ''}: ` +
      'nothing was started. Stop that process, or set PORT to a free port.',
  );
}
