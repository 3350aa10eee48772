import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Reads a V8 .cpuprofile (what bench/target-server.ts writes on `{ type: 'profile' }`) and sums its
// self time: per function and per package, where the package is found from the function's source
// file. Next's server runtime and the app's Turbopack chunks are bundles, so a bundle's function is
// first mapped through the bundle's source map (next to it on disk) to the file it was written in:
// otherwise React's renderer, Next's router and next-intl would all read as one file of `next`.

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  label: string;
  ms: number;
}

export interface ProfileSummary {
  /** Sampled time that was not idle (JavaScript, native code, garbage collection), in ms. */
  busyMs: number;
  byPackage: SelfTime[];
  byFunction: SelfTime[];
}

const sourceMaps = new Map<string, SourceMap | null>();

/** The bundle's source map, from `file.map` beside it (Next's runtime and Turbopack's chunks). */
function sourceMapFor(url: string): SourceMap | null {
  if (!url.startsWith('file://')) return null;
  let map = sourceMaps.get(url);
  if (map !== undefined) return map;
  map = null;
  const file = `${fileURLToPath(url)}.map`;
  if (existsSync(file)) {
    try {
      map = new SourceMap(
        JSON.parse(readFileSync(file, 'utf8')) as ConstructorParameters<typeof SourceMap>[0],
      );
    } catch {
      // A map that does not parse (or an index map this Node version cannot read): the bundle's
      // own file name stands for its functions.
      map = null;
    }
  }
  sourceMaps.set(url, map);
  return map;
}

/**
 * Where a function was written (its original source through the bundle's source map, else its
 * url), and the path its package is read from. Sources named relative to the bundle (Turbopack's
 * chunks, Next's runtime) are resolved from it; a source in node_modules names its package itself,
 * and one that leads nowhere on disk (a package mapping its build to sources it does not ship)
 * belongs to the bundle's package.
 */
function originOf(frame: CallFrame): { origin: string; packagePath: string } {
  const map = sourceMapFor(frame.url);
  if (map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
    const source = entry.originalSource;
    if (source?.startsWith('.')) {
      const resolved = path.resolve(path.dirname(fileURLToPath(frame.url)), source);
      const packagePath = source.includes('node_modules/')
        ? source
        : existsOnDisk(resolved)
          ? resolved
          : frame.url;
      return { origin: resolved, packagePath };
    }
    if (source) return { origin: source, packagePath: source };
  }
  return { origin: frame.url, packagePath: frame.url };
}

const onDisk = new Map<string, boolean>();

function existsOnDisk(file: string): boolean {
  let known = onDisk.get(file);
  if (known === undefined) {
    known = existsSync(file);
    onDisk.set(file, known);
  }
  return known;
}

/**
 * A package name for a source path: the compiled copy inside next (next/dist/compiled/react-dom is
 * React's renderer, not Next), else the innermost node_modules package, else the workspace, else
 * Node's own code or V8's pseudo-functions.
 */
export function packageOf(origin: string, functionName: string): string {
  if (origin === '') return functionName.startsWith('(') ? functionName : '(native code)';
  // Paths from file: URLs keep their escapes (%40 for the @ of a scoped package).
  const normal = safeDecode(origin).replaceAll('\\', '/');
  const compiled = /\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)\//u.exec(normal);
  if (compiled) return `${compiled[1]} (compiled into next)`;
  const modules = normal.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = normal.slice(modules + 'node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? normal);
  }
  if (normal.startsWith('webpack://next/') || normal.includes('/next/dist/')) return 'next';
  if (normal.startsWith('node:')) return 'node (internals)';
  const workspace = /(?:^|\/)((?:apps|packages)\/[^/]+)\//u.exec(normal);
  if (workspace) return workspace[1]!;
  if (normal.includes('bench/')) return 'bench';
  return normal;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function shortOrigin(origin: string): string {
  const normal = safeDecode(origin).replaceAll('\\', '/');
  const at = Math.max(normal.lastIndexOf('node_modules/'), normal.lastIndexOf('/dist/compiled/'));
  if (at >= 0) return normal.slice(at).replace(/^\/dist\/compiled\//u, 'next/compiled/');
  for (const marker of ['apps/', 'packages/', 'bench/', 'webpack://next/./']) {
    const index = normal.indexOf(marker);
    if (index >= 0) return normal.slice(index).replace('webpack://next/./', 'next/');
  }
  return path.basename(normal);
}

function top(totals: Map<string, number>, count: number): SelfTime[] {
  return [...totals]
    .map(([label, ms]) => ({ label, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}

/** Self time per package and per function over .cpuprofile files, the `count` largest of each. */
export async function summariseProfiles(files: readonly string[], count = 15): Promise<ProfileSummary> {
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busyMs = 0;
  for (const file of files) {
    const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
    busyMs += addSelfTimes(profile, byPackage, byFunction);
  }
  return { busyMs, byPackage: top(byPackage, count), byFunction: top(byFunction, count) };
}

/** Adds one profile's self time to the totals; returns its busy time in ms. */
function addSelfTimes(
  profile: CpuProfile,
  byPackage: Map<string, number>,
  byFunction: Map<string, number>,
): number {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the gap to the next sample, as Chrome DevTools counts it; the last one runs
  // to the profile's end.
  const selfMicros = new Map<number, number>();
  let at = profile.startTime + (deltas[0] ?? 0);
  for (let index = 0; index < samples.length; index += 1) {
    const next = index + 1 < samples.length ? at + (deltas[index + 1] ?? 0) : profile.endTime;
    const id = samples[index]!;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + Math.max(0, next - at));
    at = next;
  }
  let busyMs = 0;
  for (const node of profile.nodes) {
    const micros = selfMicros.get(node.id);
    if (!micros) continue;
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)') continue;
    const ms = micros / 1000;
    busyMs += ms;
    const { origin, packagePath } = originOf(node.callFrame);
    const pkg = packageOf(packagePath, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const name = functionName || '(anonymous)';
    const where = url === '' ? '' : ` ${shortOrigin(origin)}`;
    const label = `${name}${where}`;
    byFunction.set(label, (byFunction.get(label) ?? 0) + ms);
  }
  return busyMs;
}

/**
 * The summary as text lines: each entry's share of the busy time and its time per unit of work —
 * ms per render (bench/pages.ts), or µs per request (bench/api.ts, whose requests take well under
 * a millisecond).
 */
export function profileLines(
  summary: ProfileSummary,
  count: number,
  indent = '    ',
  per: 'render' | 'request' = 'render',
): string[] {
  const scale = per === 'render' ? 1 : 1000;
  const unit = per === 'render' ? 'ms' : 'µs';
  const digits = per === 'render' ? 2 : 1;
  const each = (ms: number) => ((ms * scale) / count).toFixed(digits);
  const row = ({ label, ms }: SelfTime) =>
    `${indent}${((ms / summary.busyMs) * 100).toFixed(1).padStart(5)}%  ${each(ms).padStart(6)} ${unit}  ${label}`;
  return [
    `${indent}busy ${each(summary.busyMs)} ${unit} per ${per} (sampled; idle excluded)`,
    `${indent}by package (self time):`,
    ...summary.byPackage.map(row),
    `${indent}by function (self time):`,
    ...summary.byFunction.map(row),
  ];
}
