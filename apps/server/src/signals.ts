import type { Logger } from '@plinth/core/logger';

/**
 * Ctrl-C or SIGTERM runs `shutdown` once. Under `npm run dev` one Ctrl-C arrives twice (the terminal
 * signals the whole process group and tsx relays it again), so repeats within two seconds are the
 * same request; a signal after that means "now" and exits at once.
 */
export function onShutdownSignal(shutdown: () => Promise<void>, logger: Logger): void {
  let firstSignalAt: number | undefined;
  const handle = (signal: NodeJS.Signals) => {
    if (firstSignalAt !== undefined) {
      if (Date.now() - firstSignalAt < 2_000) return;
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    firstSignalAt = Date.now();
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
