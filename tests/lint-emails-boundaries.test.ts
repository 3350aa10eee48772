import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

// packages/emails (the mail templates) sits beside the apps' composition root: it may use React and
// @plinth/core's mail types, and nothing that would let a template fetch its own data or serve HTTP.
// Core, in turn, never imports it: it receives the renderer through the wiring.
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });
const boundary = '@typescript-eslint/no-restricted-imports';

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages ?? [];
}

const importing = (names: string[]) =>
  `${names.map((name, i) => `import * as m${i} from '${name}';`).join('\n')}\nexport const used = [${names.map((_, i) => `m${i}`)}];\n`;

describe('packages/emails boundaries (docs/architecture.md §1)', () => {
  it('may import react, react-email and @plinth/core modules', async () => {
    const code = importing(['react', '@react-email/components', '@plinth/core/mail', '@plinth/core/errors']);
    expect(await lint('packages/emails/src/templates/good.tsx', code)).toEqual([]);
  });

  it.each([
    ['next', 'next/link'],
    ['hono', 'hono'],
    ['@hono/*', '@hono/node-server'],
    ['@plinth/api', '@plinth/api'],
    ['@plinth/db', '@plinth/db'],
    ['@plinth/server', '@plinth/server'],
    ['@plinth/testing (outside tests)', '@plinth/testing'],
  ])('may not import %s', async (_name, specifier) => {
    const messages = await lint('packages/emails/src/templates/bad.tsx', importing([specifier]));
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: boundary,
        message: expect.stringContaining('docs/architecture.md §1'),
      }),
    ]);
  });

  it('reaches core only through a module index', async () => {
    const messages = await lint('packages/emails/src/bad.ts', importing(['@plinth/core/mail/schemas']));
    expect(messages).toEqual([
      expect.objectContaining({ ruleId: boundary, message: expect.stringContaining('public face') }),
    ]);
  });

  it('core may not import @plinth/emails: the renderer is injected', async () => {
    const messages = await lint('packages/core/src/mail/bad.ts', importing(['@plinth/emails']));
    expect(messages).toEqual([
      expect.objectContaining({
        ruleId: boundary,
        message: expect.stringContaining('packages/core must not import'),
      }),
    ]);
  });

  it('the server (composition root) may import @plinth/emails', async () => {
    expect(await lint('apps/server/src/good.ts', importing(['@plinth/emails']))).toEqual([]);
  });
});
