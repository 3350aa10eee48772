import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

// The dependency direction of docs/architecture.md §1 is enforced by eslint.config.js. These tests lint
// snippets as if they lived at a given path, so each rule is shown to fire where it must and to stay
// quiet where the same code is legitimate.
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages ?? [];
}

/** Exactly one problem, from `ruleId`, whose message explains itself. */
function oneViolation(ruleId: string, messagePart: string) {
  return [expect.objectContaining({ ruleId, severity: 2, message: expect.stringContaining(messagePart) })];
}

const boundary = '@typescript-eslint/no-restricted-imports';

describe('layer boundaries (docs/architecture.md §1)', () => {
  it.each([
    ['core', 'next', 'packages/core/src/example/bad.ts', "import { NextResponse } from 'next/server';"],
    ['core', 'react', 'packages/core/src/example/bad.ts', "import { useState } from 'react';"],
    ['core', 'hono', 'packages/core/src/example/bad.ts', "import { Hono } from 'hono';"],
    ['core', '@hono/*', 'packages/core/src/example/bad.ts', "import { serve } from '@hono/node-server';"],
    ['core', '@plinth/api', 'packages/core/src/example/bad.ts', "import { createApi } from '@plinth/api';"],
    ['db', '@plinth/core', 'packages/db/src/example.ts', "import { loadEnv } from '@plinth/core/env';"],
    ['api', 'react', 'packages/api/src/routes/page.ts', "import { useState } from 'react';"],
    ['web', '@plinth/api', 'apps/web/app/page.tsx', "import { createApi } from '@plinth/api';"],
    ['web', 'hono', 'apps/web/lib/client.ts', "import { Hono } from 'hono';"],
  ])('%s may not import %s', async (_layer, _target, filePath, importLine) => {
    const messages = await lint(
      filePath,
      `${importLine}\nexport const used = [${importLine.split(/[{}]/)[1]}];\n`,
    );
    expect(messages).toEqual(oneViolation(boundary, 'docs/architecture.md §1'));
  });

  it('names the reason in the message', async () => {
    const messages = await lint('packages/core/src/example/bad.ts', "import 'next';\n");
    expect(messages).toEqual(oneViolation(boundary, 'packages/core is framework-free'));
  });

  it('catches a dynamic import() of a forbidden package too', async () => {
    const messages = await lint(
      'packages/core/src/example/bad.ts',
      "export const load = () => import('next');\n",
    );
    expect(messages).toEqual(oneViolation('no-restricted-syntax', 'packages/core is framework-free'));
  });

  it.each([
    ['core may import zod and @plinth/db', 'packages/core/src/example/good.ts', ['zod', '@plinth/db']],
    ['api may import hono and core', 'packages/api/src/routes/good.ts', ['hono', '@plinth/core/errors']],
    [
      'web may import next, react and core',
      'apps/web/app/good.tsx',
      ['next/link', 'react', '@plinth/core/actor'],
    ],
    [
      'the server (composition root) may import everything',
      'apps/server/src/good.ts',
      ['next', 'hono', '@hono/node-server', '@plinth/api', '@plinth/db', '@plinth/core/jobs'],
    ],
    [
      'test helpers may import db and core',
      'packages/testing/src/good.ts',
      ['@plinth/db', '@plinth/core/env'],
    ],
    ['core tests may import @plinth/testing', 'packages/core/src/example/good.test.ts', ['@plinth/testing']],
    ['db tests may import @plinth/testing', 'packages/db/src/good.test.ts', ['@plinth/testing']],
  ])('%s', async (_name, filePath, packages) => {
    const code = packages.map((name, i) => `import * as m${i} from '${name}';`).join('\n');
    const messages = await lint(
      filePath,
      `${code}\nexport const used = [${packages.map((_, i) => `m${i}`)}];\n`,
    );
    expect(messages).toEqual([]);
  });

  it('core source files may not import @plinth/testing', async () => {
    const messages = await lint(
      'packages/core/src/example/bad.ts',
      "import { createUser } from '@plinth/testing';\nexport const used = createUser;\n",
    );
    expect(messages).toEqual(oneViolation(boundary, 'packages/core must not import'));
  });

  it('the server may run the fake Stripe only from its dev entry (and its tests)', async () => {
    const code =
      "import { startFakeStripe } from '@plinth/testing/fake-stripe';\nexport const used = startFakeStripe;\n";
    expect(await lint('apps/server/src/wiring.ts', code)).toEqual(
      oneViolation(boundary, 'apps/server runs in production'),
    );
    expect(await lint('apps/server/src/dev-stripe.ts', code)).toEqual([]);
    expect(await lint('apps/server/src/server.test.ts', code)).toEqual([]);
  });

  it('web may import types from @plinth/db, but not values', async () => {
    const typeOnly = "import type { Database } from '@plinth/db';\nexport type Db = Database;\n";
    const value = "import { createDatabase } from '@plinth/db';\nexport const used = createDatabase;\n";
    expect(await lint('apps/web/lib/data.ts', typeOnly)).toEqual([]);
    expect(await lint('apps/web/lib/data.ts', value)).toEqual(oneViolation(boundary, 'through @plinth/core'));
  });
});

describe('a module is imported only through its index.ts', () => {
  it('outside core, @plinth/core/<module> is allowed and deeper paths are not', async () => {
    const good = "import { JobQueue } from '@plinth/core/jobs';\nexport const used = JobQueue;\n";
    const bad = "import { JobQueue } from '@plinth/core/jobs/job-queue';\nexport const used = JobQueue;\n";
    expect(await lint('apps/server/src/example.ts', good)).toEqual([]);
    expect(await lint('apps/server/src/example.ts', bad)).toEqual(oneViolation(boundary, 'public face'));
  });

  it.each([
    ['../jobs/index', 'packages/core/src/outbox/example.ts'],
    ['../jobs', 'packages/core/src/outbox/example.ts'],
    ['../../jobs/index', 'packages/core/src/outbox/relay/example.ts'],
    ['./relay/internal-file', 'packages/core/src/outbox/example.ts'],
  ])("inside core, '%s' from %s is allowed", async (specifier, filePath) => {
    const messages = await lint(filePath, `import * as m from '${specifier}';\nexport const used = m;\n`);
    expect(messages).toEqual([]);
  });

  it.each([
    ['../jobs/job-queue', 'packages/core/src/outbox/example.ts'],
    ['../../jobs/job-queue', 'packages/core/src/outbox/relay/example.ts'],
  ])("inside core, '%s' from %s is not", async (specifier, filePath) => {
    const messages = await lint(filePath, `import * as m from '${specifier}';\nexport const used = m;\n`);
    expect(messages).toEqual(oneViolation(boundary, 'sibling core module only through its index'));
  });

  it('a relative path into another package is not a way around the rules', async () => {
    const code = "import * as m from '../../../core/src/env/load-env';\nexport const used = m;\n";
    expect(await lint('packages/db/src/schema/example.ts', code)).toEqual(
      oneViolation(boundary, 'by its name'),
    );
  });
});

describe('process.env is read only by the env module', () => {
  const readsEnv = 'export const port = process.env.PORT;\n';

  it('is forbidden in a core module', async () => {
    expect(await lint('packages/core/src/jobs/x.ts', readsEnv)).toEqual(
      oneViolation('no-restricted-properties', 'loadEnv()'),
    );
  });

  it('is forbidden through node:process as well', async () => {
    const code = "import { env } from 'node:process';\nexport const port = env.PORT;\n";
    expect(await lint('apps/server/src/x.ts', code)).toEqual(
      oneViolation('no-restricted-imports', 'loadEnv()'),
    );
  });

  it.each([
    'packages/core/src/env/load-env.ts',
    'apps/web/next.config.mjs',
    'tests/global-setup.ts',
    'bench/health.ts',
  ])('is allowed in %s', async (filePath) => {
    expect(await lint(filePath, readsEnv)).toEqual([]);
  });
});

describe('test and escape-hatch hygiene', () => {
  it.each(['it.only', 'describe.only', 'test.only', 'it.only.each([1])'])(
    '%s is forbidden in test files, allowed as plain code elsewhere',
    async (call) => {
      const code = `import { ${call.split('.')[0]} } from 'vitest';\n${call}('x', () => {});\n`;
      expect(await lint('packages/core/src/example/x.test.ts', code)).toEqual(
        oneViolation('no-restricted-syntax', '.only'),
      );
      expect(await lint('packages/core/src/example/x.ts', code)).toEqual([]);
    },
  );

  it('expect.unreachable() inside a try, where its own catch would swallow it, is forbidden in tests', async () => {
    const swallowed = [
      "import { expect, it } from 'vitest';",
      "it('x', () => {",
      '  try {',
      "    JSON.parse('{}');",
      "    expect.unreachable('must throw');",
      '  } catch (error) {',
      '    expect(error).toBeDefined();',
      '  }',
      '});',
      '',
    ].join('\n');
    expect(await lint('tests/example/x.test.ts', swallowed)).toEqual(
      oneViolation('no-restricted-syntax', 'thrownBy()'),
    );
    const outsideTry =
      "import { expect, it } from 'vitest';\nit('x', () => {\n  expect.unreachable('never');\n});\n";
    expect(await lint('tests/example/x.test.ts', outsideTry)).toEqual([]);
  });

  it('`any` needs an eslint-disable comment that says why', async () => {
    const bare = 'export const x: any = 1;\n';
    const silent =
      '// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const x: any = 1;\n';
    const explained =
      '// eslint-disable-next-line @typescript-eslint/no-explicit-any -- drizzle has no public type for this\nexport const x: any = 1;\n';
    expect(await lint('packages/core/src/example/x.ts', bare)).toEqual(
      oneViolation('@typescript-eslint/no-explicit-any', 'any'),
    );
    expect(await lint('packages/core/src/example/x.ts', silent)).toEqual(
      oneViolation('plinth/disable-needs-reason', 'Say why'),
    );
    expect(await lint('packages/core/src/example/x.ts', explained)).toEqual([]);
  });

  it('unused names are allowed when they start with _', async () => {
    const code = 'export function handler(_request: unknown, response: string) {\n  return response;\n}\n';
    expect(await lint('packages/api/src/example.ts', code)).toEqual([]);
  });
});
