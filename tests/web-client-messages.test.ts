import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@plinth/core/locales';
import { CLIENT_NAMESPACES, clientMessages, type Catalog } from '../apps/web/i18n/client-messages';

// The root layout hands client components only the catalog namespaces in CLIENT_NAMESPACES
// (apps/web/i18n/client-messages.ts), not the whole catalog. A client component that asks
// useTranslations for a namespace not handed over shows message keys instead of words, so this
// finds, from the sources, every namespace that code running in the browser asks for, and
// compares it with the list.
//
// Code runs in the browser when its file says 'use client', and also when it is imported, at any
// depth, by such a file, with or without the directive itself: the scan follows every import
// (static, re-export and dynamic) from each 'use client' file through the app's own files. It stops
// at 'use server' files: the browser gets only a reference to a server action, never its code or
// its imports. Type-only imports bring no code and are not followed.

const webRoot = fileURLToPath(new URL('../apps/web/', import.meta.url));

interface SourceFacts {
  directive: 'use client' | 'use server' | undefined;
  imports: string[];
  /** The namespace argument of each useTranslations call; null when it is not a string literal. */
  namespaces: (string | null)[];
  /** Other next-intl hooks that read the whole catalog (useMessages). */
  readsAllMessages: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === '.next') return [];
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx|mts)$/u.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function factsOf(file: string): SourceFacts {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const first = source.statements[0];
  const directive =
    first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression)
      ? first.expression.text
      : undefined;
  const facts: SourceFacts = {
    directive: directive === 'use client' || directive === 'use server' ? directive : undefined,
    imports: [],
    namespaces: [],
    readsAllMessages: false,
  };
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !node.importClause?.isTypeOnly
    ) {
      specifiers.push(node.moduleSpecifier.text);
    }
    if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !node.isTypeOnly
    ) {
      specifiers.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const [argument] = node.arguments;
      if (callee.kind === ts.SyntaxKind.ImportKeyword && argument && ts.isStringLiteral(argument)) {
        specifiers.push(argument.text);
      }
      if (ts.isIdentifier(callee) && callee.text === 'useTranslations') {
        facts.namespaces.push(argument && ts.isStringLiteralLike(argument) ? argument.text : null);
      }
      if (ts.isIdentifier(callee) && callee.text === 'useMessages') facts.readsAllMessages = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  facts.imports = specifiers.flatMap((specifier) => resolveImport(file, specifier) ?? []);
  return facts;
}

const facts = new Map(sourceFiles(webRoot).map((file) => [file, factsOf(file)]));

/** Every file whose code runs in the browser: 'use client' files and all they import. */
function browserFiles(): Set<string> {
  const reached = new Set<string>();
  const pending = [...facts].filter(([, fact]) => fact.directive === 'use client').map(([file]) => file);
  while (pending.length > 0) {
    const file = pending.pop()!;
    const fact = facts.get(file);
    if (reached.has(file) || !fact || fact.directive === 'use server') continue;
    reached.add(file);
    pending.push(...fact.imports);
  }
  return reached;
}

const relative = (file: string) => path.relative(webRoot, file);

/** Drops a namespace when its parent is also used: the parent's messages include it. */
function outermost(namespaces: Iterable<string>): string[] {
  const all = [...new Set(namespaces)];
  return all.filter((name) => !all.some((other) => name.startsWith(`${other}.`))).sort();
}

function readCatalog(locale: string): Catalog {
  return JSON.parse(readFileSync(path.join(webRoot, 'messages', `${locale}.json`), 'utf8')) as Catalog;
}

describe("the catalog namespaces handed to client components (the root layout's provider)", () => {
  const browser = browserFiles();

  it('the scan reaches client code through imports as well as through the directive', () => {
    const reached = [...browser].map(relative);
    // A 'use client' file, and a file without the directive that only client files import.
    expect(reached).toContain(path.join('app', '(signed-in)', 'w', '[slug]', 'projects', 'project-list.tsx'));
    expect(facts.get(path.join(webRoot, 'lib', 'auth-errors.ts'))?.directive).toBeUndefined();
    expect(reached).toContain(path.join('lib', 'auth-errors.ts'));
    // Server actions are references in the browser: their files and imports are not client code.
    const action = path.join(webRoot, 'app', '(signed-in)', 'w', '[slug]', 'projects', 'actions.ts');
    expect(facts.get(action)?.directive).toBe('use server');
    expect(reached).not.toContain(relative(action));
  });

  it('client code names its namespaces literally and never reads the whole catalog', () => {
    const dynamic = [...browser].filter((file) => facts.get(file)!.namespaces.includes(null));
    const whole = [...browser].filter((file) => facts.get(file)!.readsAllMessages);
    expect(dynamic.map(relative), 'useTranslations without a literal namespace').toEqual([]);
    expect(whole.map(relative), 'useMessages reads every namespace').toEqual([]);
  });

  it('CLIENT_NAMESPACES is exactly what client code asks useTranslations for', () => {
    const used = outermost(
      [...browser].flatMap((file) => facts.get(file)!.namespaces.filter((name) => name !== null)),
    );
    expect(used.length).toBeGreaterThan(5);
    // Missing here: a client component would show keys. Extra: bytes on every page for nothing.
    expect([...CLIENT_NAMESPACES].sort()).toEqual(used);
  });

  it.each([...LOCALES])(
    'every listed namespace exists in the %s catalog and is handed over whole',
    (locale) => {
      const catalog = readCatalog(locale);
      const subset = clientMessages(catalog);
      for (const namespace of CLIENT_NAMESPACES) {
        const pick = (from: Catalog) =>
          namespace
            .split('.')
            .reduce<string | Catalog | undefined>(
              (value, key) => (typeof value === 'object' ? value[key] : undefined),
              from,
            );
        expect(pick(catalog), `${namespace} in ${locale}.json`).toBeTypeOf('object');
        expect(pick(subset), namespace).toEqual(pick(catalog));
      }
      // And nothing else: a namespace no client component reads stays on the server.
      expect(Object.keys(subset).sort()).toEqual(
        [...new Set(CLIENT_NAMESPACES.map((namespace) => namespace.split('.')[0]!))].sort(),
      );
      expect(JSON.stringify(subset).length).toBeLessThan(JSON.stringify(catalog).length);
    },
  );
});
