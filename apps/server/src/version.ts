import { readFileSync } from 'node:fs';

/** The release version reported by /api/health: the root package.json's. */
export const version: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
