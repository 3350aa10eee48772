import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@plinth/core/logger';

export type LogLine = Record<string, unknown> & { msg?: string };

/** A real pino logger whose JSON lines a test can read back. */
export function capturedLogger(level = 'info'): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: createLogger({ level }, stream), lines };
}

/** Waits until a line matching `predicate` has been written. */
export async function lineWhere(
  lines: readonly LogLine[],
  predicate: (line: LogLine) => boolean,
  timeoutMs = 20_000,
): Promise<LogLine> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = lines.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('no such log line in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
