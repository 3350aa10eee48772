import os from 'node:os';
import type { BenchOptions } from './cli-options';
import type { LoadResult } from './ipc';

// The pieces of the output every bench script prints in bench/health.ts's format: the progress line
// of a round, the best round per row, the table's rows and the footnotes they share.

export const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const milliseconds = (value: number): string => (Number.isNaN(value) ? '-' : value.toFixed(1));

/** One round, for the progress line. */
export function describe(result: LoadResult): string {
  const failure = result.firstError ? ` (first: ${result.firstError})` : '';
  return (
    `${integer.format(result.requestsPerSecond)} req/s, p50 ${milliseconds(result.p50Ms)} ms, ` +
    `p99 ${milliseconds(result.p99Ms)} ms, ${result.errors} errors${failure}`
  );
}

/** The round with the most req/s. */
export function best(results: LoadResult[]): LoadResult | undefined {
  if (results.length === 0) return undefined;
  return results.reduce((top, result) => (result.requestsPerSecond > top.requestsPerSecond ? result : top));
}

/** label, req/s, p50 ms, p99 ms, errors: the table's columns. */
export function tableRow(cells: string[]): string {
  const [label = '', rate = '', p50 = '', p99 = '', errors = ''] = cells;
  return `${label.padEnd(27)}${rate.padEnd(10)}${p50.padEnd(9)}${p99.padEnd(9)}${errors}`.trimEnd();
}

/** A row's cells from its best round, or only its label when it has none. */
export function resultRow(label: string, result: LoadResult | undefined): string {
  if (!result) return tableRow([label, '-']);
  return tableRow([
    label,
    integer.format(result.requestsPerSecond),
    milliseconds(result.p50Ms),
    milliseconds(result.p99Ms),
    String(result.errors),
  ]);
}

/** The header line's run description: connections, seconds, Node and CPUs. */
export function runConditions(options: BenchOptions): string {
  return (
    `${options.connections} connections, ${options.durationSeconds} s, Node ${process.version}, ` +
    `${os.availableParallelism()} CPUs`
  );
}

/** How a row's round was chosen, then every round's req/s per row name. */
export function roundsLines<Name extends string>(
  options: BenchOptions,
  names: readonly Name[],
  results: Map<Name, LoadResult[]>,
): { bestOf: string; perName: string[] } {
  return {
    bestOf:
      `Each row is the best of ${options.rounds} alternating rounds (${names.join(', ')}, …) ` +
      'by req/s, with that round’s p50/p99/errors.',
    perName: names.map(
      (name) =>
        `  ${name} rounds: ` +
        (results.get(name) ?? [])
          .map((result) => `${integer.format(result.requestsPerSecond)} req/s (${result.errors} errors)`)
          .join(', '),
    ),
  };
}

/** What req/s counts. */
export function windowLine(options: BenchOptions): string {
  return (
    `req/s counts 200 responses inside the ${options.durationSeconds} s window, after a ` +
    `${options.warmupSeconds} s warm-up on the same keep-alive connections.`
  );
}

/** Taken before we start anything: how busy the machine already was. */
export function loadAverageNow(): number {
  return os.loadavg()[0] ?? Number.NaN;
}

export function loadLine(loadBefore: number): string {
  return `1-minute load average when the run began: ${loadBefore.toFixed(2)}; other work on the machine moves the numbers.`;
}
