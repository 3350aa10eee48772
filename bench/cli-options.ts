import { parseArgs } from 'node:util';
import { progress } from './run-lifecycle';

// The flags every bench script accepts (--connections, --duration, --warmup, --rounds, --pg-port,
// --data-dir), plus a script's own boolean switches. A bad flag prints the message and the script's
// usage line and exits with 2.

export interface BenchOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  rounds: number;
  pgPort: number;
  dataDir: string;
}

interface OptionDefaults<Switch extends string> {
  pgPort: number;
  dataDir: string;
  usage: string;
  /** Boolean flags of this script only, e.g. `no-get-session`; all default to false. */
  switches?: readonly Switch[];
}

function parseOrThrow<Switch extends string>(
  defaults: OptionDefaults<Switch>,
): BenchOptions & { switches: Record<Switch, boolean> } {
  const switches = defaults.switches ?? [];
  const { values: parsed } = parseArgs({
    options: {
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '2' },
      'pg-port': { type: 'string', default: String(defaults.pgPort) },
      'data-dir': { type: 'string', default: defaults.dataDir },
      ...Object.fromEntries(switches.map((name) => [name, { type: 'boolean', default: false } as const])),
    },
    strict: true,
  });
  const values: Record<string, string | boolean | undefined> = parsed;
  const text = (name: string): string => {
    const value = values[name];
    return typeof value === 'string' ? value : '';
  };
  const number = (name: string, min: number, max: number, integer = true): number => {
    const value = Number(text(name));
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
    }
    return value;
  };
  return {
    connections: number('connections', 1, 1000),
    durationSeconds: number('duration', 1, 600, false),
    warmupSeconds: number('warmup', 0, 60, false),
    rounds: number('rounds', 1, 10),
    pgPort: number('pg-port', 1024, 65535),
    dataDir: text('data-dir'),
    switches: Object.fromEntries(switches.map((name) => [name, values[name] === true])) as Record<
      Switch,
      boolean
    >,
  };
}

/** The parsed flags; on a bad one, the message and `usage` on stderr, then exit 2. */
export function parseBenchOptions<Switch extends string = never>(
  defaults: OptionDefaults<Switch>,
): BenchOptions & { switches: Record<Switch, boolean> } {
  try {
    return parseOrThrow(defaults);
  } catch (error) {
    progress(`${error instanceof Error ? error.message : String(error)}\n${defaults.usage}`);
    process.exit(2);
  }
}
