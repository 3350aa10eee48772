// `npm run build` (server part): bundles the server's entry points and our workspace packages into
// plain ES modules under apps/server/dist, so production runs `node` on JavaScript, never tsx.
// Third-party packages stay external, loaded from node_modules (they are `dependencies`, so
// `npm ci --omit=dev` keeps them); the SQL migrations are copied next to the bundles.
import { cp, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const serverDir = fileURLToPath(new URL('.', import.meta.url));
const outdir = fileURLToPath(new URL('./dist', import.meta.url));
const migrations = fileURLToPath(new URL('../../packages/db/migrations', import.meta.url));

/** The commands a deploy runs: `node apps/server/dist/<name>.js`. */
export const entryPoints = {
  main: 'src/main.ts',
  migrate: 'src/cli/migrate.ts',
  'billing-sync': 'src/cli/billing-sync.ts',
};

// Our packages (@plinth/*) are TypeScript sources: bundled. Everything else from node_modules is
// external, resolved at run time as any package is.
const externalNodeModules: Plugin = {
  name: 'external-node-modules',
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@plinth/') ? undefined : { path: args.path, external: true },
    );
  },
};

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: serverDir,
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  jsx: 'automatic',
  sourcemap: true,
  // Flat: modules locate files with import.meta.url relative to their own depth (version.ts, the
  // Next app dir), which must be the same for every bundle and chunk as for src/.
  chunkNames: 'chunk-[hash]',
  plugins: [externalNodeModules],
  // The migrations folder sits beside the bundles (see packages/db/src/migrate.ts).
  define: { PLINTH_BUNDLED_MIGRATIONS: JSON.stringify('./migrations') },
  metafile: true,
  logLevel: 'warning',
});
await assertExternalsDeclared(Object.values(result.metafile.outputs).flatMap((output) => output.imports));

await cp(migrations, `${outdir}/migrations`, { recursive: true });

/**
 * Every package the bundles import must be one of apps/server's own `dependencies`: that is what
 * puts it beside the bundle under `npm ci --omit=dev` (a package another workspace declares may
 * sit in that workspace's node_modules, where apps/server/dist cannot resolve it).
 */
async function assertExternalsDeclared(imports: { path: string; external?: boolean }[]): Promise<void> {
  const manifest = JSON.parse(await readFile(`${serverDir}/package.json`, 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const declared = new Set(Object.keys(manifest.dependencies ?? {}));
  const missing = new Set<string>();
  for (const { path, external } of imports) {
    if (!external || path.startsWith('node:')) continue;
    const name = path
      .split('/')
      .slice(0, path.startsWith('@') ? 2 : 1)
      .join('/');
    if (!declared.has(name)) missing.add(name);
  }
  if (missing.size > 0) {
    throw new Error(
      `apps/server/dist imports ${[...missing].join(', ')}, not in apps/server/package.json dependencies: add ` +
        'each with the version the workspace that uses it declares.',
    );
  }
}

console.log(`built ${Object.keys(entryPoints).join(', ')} into ${outdir}`);
