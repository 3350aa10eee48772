// Lists feature flags past their expiry date (`expires` in packages/core/src/flags/catalog.ts) as
// warnings: CI (.ci/run) prints them without failing, so a finished rollout gets its flag removed
// instead of living forever. `--strict` exits 1 instead.
import { expiredFlags, flagCatalog } from '@plinth/core/flags';

const expired = expiredFlags(flagCatalog);
const strict = process.argv.includes('--strict');
for (const { key, owner, expires } of expired) {
  const message = `flag ${key} (owner: ${owner}) expired on ${expires}: remove it, or move its date with a reason`;
  console.log(`warning: ${message}`);
}
if (expired.length === 0) console.log(`flags: ${Object.keys(flagCatalog).length} declared, none expired`);
if (strict && expired.length > 0) process.exitCode = 1;
