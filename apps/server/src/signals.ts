import type { Logger } from '@plinth/core/logger';

/** Ctrl-C or SIGTERM runs `shutdown` once; a second signal exits at once. */
export function onShutdownSignal(shutdown: () => Promise<void>, logger: Logger): void {
  let shuttingDown = false;
  const handle = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    shuttingDown = true;
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
