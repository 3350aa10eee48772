// What every bench script does around its measurements: progress on stderr, bounded waits while
// stopping, one idempotent shutdown shared by the end of a run and Ctrl-C, and a last-resort exit.

export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Waits for `task` at most `timeoutMs`; a failure or a timeout is reported, never thrown. */
export async function stopWithin(
  task: Promise<void> | undefined,
  timeoutMs: number,
  what: string,
): Promise<void> {
  if (!task) return;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      progress(`${what} did not finish within ${timeoutMs} ms`);
      resolve();
    }, timeoutMs);
  });
  await Promise.race([
    task.catch((error: unknown) => progress(`${what} failed: ${String(error)}`)),
    timedOut,
  ]);
  clearTimeout(timer);
}

/**
 * Idempotent: the end of a run and Ctrl-C both call `stopAll()`. Installs the SIGINT/SIGTERM
 * handlers. One Ctrl-C may arrive twice (the terminal signals the whole process group and tsx relays
 * it), so repeats within two seconds are the same request, as in apps/server/src/signals.ts; a later
 * one exits at once.
 */
export class BenchShutdown {
  #stopping: Promise<void> | undefined;
  #interruptedAt: number | undefined;

  constructor(private readonly stop: () => Promise<void>) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.#interruptedAt !== undefined) {
        if (Date.now() - this.#interruptedAt < 2_000) return;
        progress(`${signal} again: exiting now`);
        process.exit(130);
      }
      this.#interruptedAt = Date.now();
      process.exitCode = 130;
      progress(`${signal}: stopping (again to exit at once)`);
      // Should we exit before Postgres has stopped, the launcher's exit handler still stops it.
      void this.stopAll().finally(() => process.exit(130));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  get interrupted(): boolean {
    return this.#interruptedAt !== undefined;
  }

  stopAll(): Promise<void> {
    this.#stopping ??= this.stop();
    return this.#stopping;
  }

  /** A failure of the run, reported unless it is only the consequence of Ctrl-C. */
  fail(error: unknown): void {
    if (this.interrupted) return;
    process.exitCode = 1;
    progress(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Everything is closed; should a stray handle remain, it must not keep the bench alive. */
export function exitIfAHandleLingers(): void {
  setTimeout(() => {
    progress('a handle is still open after shutdown; exiting anyway');
    process.exit(process.exitCode ?? 0);
  }, 5_000).unref();
}
