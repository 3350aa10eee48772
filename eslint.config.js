// Lint rules for the whole monorepo. Besides the usual recommended sets, this file is where the
// dependency direction of docs/architecture.md §1 is enforced: `web → core → db`, `api → core → db`; core is
// framework-free; db imports nothing of ours; emails (mail templates) sees only core; a module's
// internals are reached only through its index.ts; nothing reads process.env outside the env module.
//
// Why no-restricted-imports and not eslint-plugin-boundaries: every boundary here is visible in the
// import specifier itself (a package name, or a relative path into a sibling folder), so no module
// resolution is needed. Boundaries would need a resolver that understands package `exports` and .ts
// sources (eslint-import-resolver-typescript), and would resolve every import on every run.
//
// How the import rules are assembled: flat config replaces (not merges) a rule's options when a later
// block matches the same file. So each "zone" below (a layer, or a layer's test files) gets the full
// list of restrictions that apply to it, built from the shared pieces, and the zones are ordered from
// general to specific.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const CODE = '{js,mjs,cjs,ts,mts,cts,tsx}';
const code = (dir) => `${dir}/**/*.${CODE}`;
const TEST_FILE = `**/*.{test,spec}.${CODE}`;
const SEE = 'See docs/architecture.md §1.';

// ---- restrictions: { regex, message, allowTypeImports? } --------------------------------------

/** A package specifier and its subpaths: `next` and `next/link`. */
const pkg = (names) => `^(?:${names.join('|')})(?:/|$)`;

const coreModuleEntry = {
  regex: '^@plinth/core/[^/]+/.',
  message: `Import a core module through its public face, '@plinth/core/<module>' (its index.ts), never its internal files: internals may change without notice. ${SEE}`,
};
const relativeIntoPackage = {
  regex: '^(?:/|\\.{1,2}/)(?:.*/)?(?:core|db|api|testing|emails)/src(?:/|$)',
  message: `Import another package by its name (@plinth/...), not by a path into its src/: a path skips the package's public exports and the layer rules. ${SEE}`,
};
const packageIntoApps = {
  regex: '(?:^|/)apps/',
  message: `packages/* never import from apps/*: apps are the top of the graph (web → core → db, api → core → db). ${SEE}`,
};

// Lower layers never see the layers above them.
const everyPlinthPackage = {
  regex: '^@plinth/',
  message: `packages/db imports nothing of ours: it is the bottom layer (web → core → db, api → core → db). ${SEE}`,
};
const plinthPackageButTesting = {
  regex: '^@plinth/(?!testing(?:/|$))',
  message: everyPlinthPackage.message + ' (Its test files may use @plinth/testing.)',
};
const coreFrameworkFree = [
  {
    regex: pkg(['next', 'react', 'react-dom']),
    message: `packages/core is framework-free: no next/react. UI code belongs in apps/web, which calls core. ${SEE}`,
  },
  {
    regex: pkg(['hono', '@hono/[^/]+']),
    message: `packages/core is framework-free: no hono. HTTP code belongs in packages/api, which calls core. ${SEE}`,
  },
];
const coreAbove = (names) => ({
  regex: `^@plinth/(?:${names.join('|')})(?:/|$)`,
  message: `packages/core must not import ${names.map((n) => '@plinth/' + n).join(', ')}: those layers depend on core, not the other way round (web → core → db, api → core → db). Test helpers (@plinth/testing) are for *.test.ts files only. ${SEE}`,
});
const apiNoUi = {
  regex: pkg(['next', 'react', 'react-dom']),
  message: `packages/api is the Hono app: no next/react. /api/* never passes through Next. ${SEE}`,
};
const apiNoApps = {
  regex: '^@plinth/(?:web|server)(?:/|$)',
  message: `packages/api must not import @plinth/web or @plinth/server: apps sit above api (apps/server composes it). ${SEE}`,
};
const emailsNoFramework = {
  regex: pkg(['next', 'hono', '@hono/[^/]+']),
  message: `packages/emails renders mail with React Email: no next, no hono. ${SEE}`,
};
const emailsOnlyCore = (extra = []) => ({
  regex: `^@plinth/(?!(?:${['core', ...extra].join('|')})(?:/|$))`,
  message: `packages/emails may import only @plinth/core (mail types, errors): templates get their data as arguments, never from the database or the API. ${SEE}`,
});
const serverNoTesting = {
  regex: pkg(['@plinth/testing']),
  message: `apps/server runs in production: test stand-ins (@plinth/testing) are for tests and for apps/server/src/dev-stripe.ts and dev-storage.ts, which start the fake Stripe and the local S3 server under \`npm run dev\` only (loadEnv refuses their keys in production). ${SEE}`,
};
const webNoApi = [
  {
    regex: pkg(['hono', '@hono/[^/]+', '@plinth/api']),
    message: `apps/web must not import the API (hono, @plinth/api): pages and server actions call core directly; /api/* is served by Hono outside Next. ${SEE}`,
  },
  {
    regex: pkg(['@plinth/db']),
    allowTypeImports: true,
    message: `apps/web reaches data through @plinth/core (web → core → db), not @plinth/db directly; only 'import type' from @plinth/db is allowed. ${SEE}`,
  },
];

/**
 * Inside packages/core/src, a file `depth` folders below src/ may import a sibling module only
 * through its index (`../jobs`, `../jobs/index`), and may not climb out of src/.
 */
const coreSiblingEntry = (depth) => {
  const up = depth === 0 ? '\\./' : `(?:\\.\\./){${depth}}`;
  return [
    {
      regex: `^${up}[^./][^/]*/(?!index(?:\\.[cm]?[jt]sx?)?$).`,
      message: `Import a sibling core module only through its index ('../<module>/index' or '../<module>'), never its internal files. ${SEE}`,
    },
    {
      regex: `^(?:\\.\\./){${depth + 1},}`,
      message: `This path climbs out of packages/core/src: import other packages by name (@plinth/db). ${SEE}`,
    },
  ];
};

const focusedTests = [
  {
    selector: "MemberExpression[property.name='only'][object.name=/^(?:describe|it|test|suite|bench)$/]",
    message: '.only would silently skip the rest of the suite in CI; remove it before committing.',
  },
  {
    selector: "MemberExpression[property.name='only'][object.object.name=/^(?:describe|it|test|suite)$/]",
    message: '.only would silently skip the rest of the suite in CI; remove it before committing.',
  },
  {
    // expect.unreachable() throws an assertion error; inside a try, the catch receives it and the
    // test can pass without the call ever having thrown. Take the error with thrownBy() or
    // rejectionOf() from @plinth/testing, or expect(...).toThrow() / .rejects, instead.
    selector:
      "TryStatement > BlockStatement CallExpression[callee.object.name='expect'][callee.property.name=/^(?:unreachable|fail)$/]",
    message:
      'expect.unreachable() inside a try is caught by its own catch: use thrownBy()/rejectionOf() from @plinth/testing, or expect().toThrow()/.rejects.',
  },
];

/** The rule entries for one zone: static imports, plus the same restrictions on dynamic import(). */
function zone(name, files, restrictions, { tests = false } = {}) {
  const dynamicImports = restrictions.map(({ regex, message }) => ({
    selector: `ImportExpression[source.value=/${new RegExp(regex, 'u').source}/u]`,
    message,
  }));
  return {
    name: `plinth/boundaries/${name}`,
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: restrictions.map((r) => ({ ...r, caseSensitive: true })) },
      ],
      'no-restricted-syntax': ['error', ...dynamicImports, ...(tests ? focusedTests : [])],
    },
  };
}

/** A layer: its source files, then its test files (which may also use @plinth/testing). */
function layer(name, glob, restrictions, testRestrictions = restrictions) {
  return [
    zone(name, [glob], restrictions),
    zone(`${name}/tests`, [[glob, TEST_FILE]], testRestrictions, { tests: true }),
  ];
}

const everywhere = [coreModuleEntry, relativeIntoPackage];
const coreBase = [...everywhere, packageIntoApps, ...coreFrameworkFree];
const coreSource = [...coreBase, coreAbove(['api', 'web', 'server', 'emails', 'testing'])];
const coreTests = [...coreBase, coreAbove(['api', 'web', 'server', 'emails'])];
const coreLayer = [
  ...layer('core', code('packages/core'), coreSource, coreTests),
  // The same, plus the sibling-module rule, whose paths depend on how deep the file sits under src/.
  ...[0, 1, 2, 3, 4, 5].flatMap((depth) =>
    layer(
      `core/src-depth-${depth}`,
      `packages/core/src/${'*/'.repeat(depth)}*.${CODE}`,
      [...coreSource, ...coreSiblingEntry(depth)],
      [...coreTests, ...coreSiblingEntry(depth)],
    ),
  ),
];

// ---- process.env --------------------------------------------------------------------------------

const envMessage =
  'Read configuration through loadEnv() from @plinth/core/env (the one zod-validated reader of process.env) and pass the Env value in. ' +
  SEE;
const envAllowed = [
  'packages/core/src/env/**',
  `**/*.config.${CODE}`,
  'tests/**',
  'e2e/**',
  'bench/**',
  '.ci/**',
];

// ---- eslint-disable comments must say why ------------------------------------------------------

// Mirrors how ESLint itself parses directive comments: `eslint-disable… rules -- reason`.
const DISABLE_DIRECTIVE = /^\s*eslint-disable(?:-next-line|-line)?(?:\s|$)/u;
const plinthPlugin = {
  meta: { name: 'plinth' },
  rules: {
    'disable-needs-reason': {
      meta: {
        type: 'suggestion',
        docs: { description: 'eslint-disable comments must give a reason after " -- "' },
        schema: [],
        messages: {
          missing: "Say why this rule does not apply here: '// eslint-disable-next-line <rule> -- <reason>'.",
        },
      },
      create(context) {
        return {
          Program() {
            for (const comment of context.sourceCode.getAllComments()) {
              const text = comment.value.replace(/^\s*\*?/u, '');
              if (!DISABLE_DIRECTIVE.test(text)) continue;
              const [, reason = ''] = text.split(/\s-{2,}\s/u);
              if (reason.trim() === '') context.report({ loc: comment.loc, messageId: 'missing' });
            }
          },
        };
      },
    },
  },
};

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/.next/',
    '**/.data/',
    '**/dist/',
    '**/coverage/',
    'packages/db/migrations/',
    'apps/web/next-env.d.ts',
    'scratch/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  { name: 'plinth/files', files: [`**/*.${CODE}`] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'plinth/javascript-globals',
    // Plain JS here is config files run by Node; TypeScript files get globals from the type checker.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    name: 'plinth/base',
    files: [`**/*.${CODE}`],
    plugins: { plinth: plinthPlugin },
    rules: {
      'plinth/disable-needs-reason': 'error',
      // `any` needs an eslint-disable comment that says why (plinth/disable-needs-reason).
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: envMessage }],
      // The other way to reach it: `import { env } from 'node:process'`. (The base rule, so that it
      // does not collide with the boundary zones, which use the typescript-eslint rule.)
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:process', 'process'].map((name) => ({
            name,
            importNames: ['env'],
            message: envMessage,
          })),
        },
      ],
    },
  },
  {
    name: 'plinth/env-readers',
    files: envAllowed,
    rules: { 'no-restricted-properties': 'off', 'no-restricted-imports': 'off' },
  },

  // ---- boundary zones, general to specific (see the note at the top) ----
  // Everything (apps/server, packages/testing, tests, bench, e2e, config files): any package, but
  // only through its public entry.
  zone('all', [`**/*.${CODE}`], everywhere),
  zone('all/tests', [TEST_FILE, `e2e/**/*.${CODE}`], everywhere, { tests: true }),
  ...layer(
    'db',
    code('packages/db'),
    [...everywhere, packageIntoApps, everyPlinthPackage],
    [...everywhere, packageIntoApps, plinthPackageButTesting],
  ),
  ...coreLayer,
  ...layer('api', code('packages/api'), [...everywhere, packageIntoApps, apiNoUi, apiNoApps]),
  ...layer(
    'emails',
    code('packages/emails'),
    [...everywhere, packageIntoApps, emailsNoFramework, emailsOnlyCore()],
    [...everywhere, packageIntoApps, emailsNoFramework, emailsOnlyCore(['testing'])],
  ),
  ...layer('web', code('apps/web'), [...everywhere, ...webNoApi]),
  // The server's own files, but not its tests nor the dev-only fake Stripe and local S3 entries.
  {
    ...zone('server', [code('apps/server')], [...everywhere, serverNoTesting]),
    ignores: [TEST_FILE, 'apps/server/src/dev-stripe.ts', 'apps/server/src/dev-storage.ts'],
  },
]);
