import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@plinth/core/locales';
import { mergeMessages, pickMessages, type Catalog } from '../apps/web/i18n/client-messages';

// Client components get only the catalog namespaces that a <ClientMessages namespaces={[…]}> scope
// around them hands over (apps/web/i18n/client-messages.ts): each route segment sends what its own
// client components read, not the whole catalog. A client component that asks useTranslations for
// a namespace no scope around it hands over shows message keys instead of words, so this follows
// the app's sources the way Next renders them and checks every client component against the
// scopes it renders inside.
//
// Where a component renders: a page, loading, error or not-found file renders inside the layouts
// of its own folder and of every folder above it; a layout, inside those above it. A layout hands
// its children the scopes that wrap its `children` everywhere it renders them. Inside a file, an
// imported component renders inside the scopes that wrap every place the file uses it. Code runs
// in the browser when its file says 'use client', and also when it is imported, at any depth, by
// such a file: the scan follows every import (static, re-export and dynamic) through the app's own
// files, and stops at 'use server' files (the browser gets a reference to a server action, never
// its code). Type-only imports bring no code and are not followed.

const webRoot = fileURLToPath(new URL('../apps/web/', import.meta.url));
const appRoot = path.join(webRoot, 'app');
/** The client half of <ClientMessages>: the one client file that reads the messages it is given. */
const scopeFile = path.join(webRoot, 'i18n', 'client-messages-scope.tsx');

interface ImportEdge {
  file: string;
  /**
   * The namespaces handed over around every use of what this import brings (none for re-exports),
   * each with the lines of the scopes in this file that hand it over there.
   */
  scoped: Map<string, Set<number>>;
}

interface Scope {
  file: string;
  line: number;
  /** null when the `namespaces` prop is not an array of string literals. */
  namespaces: string[] | null;
}

interface SourceFacts {
  directive: 'use client' | 'use server' | undefined;
  imports: ImportEdge[];
  /** The namespace argument of each useTranslations call; null when it is not a string literal. */
  namespaces: (string | null)[];
  /** Other next-intl hooks that read the whole catalog (useMessages). */
  readsAllMessages: boolean;
  scopes: Scope[];
  /** For a layout: the namespaces handed over around every place it renders `children`. */
  childrenScoped: Map<string, Set<number>>;
}

type Facts = Map<string, SourceFacts>;

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

function isScopeElement(node: ts.Node): node is ts.JsxElement {
  return (
    ts.isJsxElement(node) &&
    ts.isIdentifier(node.openingElement.tagName) &&
    node.openingElement.tagName.text === 'ClientMessages'
  );
}

/** The literal namespaces of a <ClientMessages namespaces={[…]}> element, or null. */
function scopeNamespaces(element: ts.JsxElement): string[] | null {
  for (const attribute of element.openingElement.attributes.properties) {
    if (!ts.isJsxAttribute(attribute) || attribute.name.getText() !== 'namespaces') continue;
    let value: ts.Expression | undefined =
      attribute.initializer && ts.isJsxExpression(attribute.initializer)
        ? attribute.initializer.expression
        : undefined;
    while (value && (ts.isAsExpression(value) || ts.isParenthesizedExpression(value)))
      value = value.expression;
    if (!value || !ts.isArrayLiteralExpression(value)) return null;
    const names = value.elements.map((item) => (ts.isStringLiteralLike(item) ? item.text : null));
    return names.every((name) => name !== null) ? (names as string[]) : null;
  }
  return null;
}

/** The namespaces of the scopes that wrap `node` in its file, each with its scope's line. */
function enclosingNamespaces(node: ts.Node): Map<string, number> {
  const names = new Map<string, number>();
  const source = node.getSourceFile();
  for (let at = node.parent; at; at = at.parent) {
    if (!isScopeElement(at)) continue;
    const line = source.getLineAndCharacterOfPosition(at.getStart()).line + 1;
    for (const name of scopeNamespaces(at) ?? []) if (!names.has(name)) names.set(name, line);
  }
  return names;
}

/** Uses of a name in its file, outside declarations, type positions and property names. */
function isUse(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isImportClause(parent) || ts.isImportSpecifier(parent) || ts.isNamespaceImport(parent)) return false;
  if (ts.isBindingElement(parent) && parent.name === node) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if ((ts.isPropertySignature(parent) || ts.isPropertyAssignment(parent)) && parent.name === node)
    return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isJsxAttribute(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent)) return false;
  return true;
}

/** Namespaces handed over at every use (a component used once outside a scope gets none). */
function commonNamespaces(uses: Map<string, number>[]): Map<string, Set<number>> {
  const common = new Map<string, Set<number>>();
  for (const name of uses[0]?.keys() ?? []) {
    if (uses.every((names) => names.has(name)))
      common.set(name, new Set(uses.map((names) => names.get(name)!)));
  }
  return common;
}

function factsOf(file: string, text = readFileSync(file, 'utf8')): SourceFacts {
  const source = ts.createSourceFile(
    file,
    text,
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
    scopes: [],
    childrenScoped: new Map(),
  };
  // Each static import's local names, to find where the file uses what it imports.
  const bindings: { specifier: string; names: string[] }[] = [];
  const unscoped: string[] = [];
  const usesOf = new Map<string, Map<string, number>[]>();
  const childrenUses: Map<string, number>[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !node.importClause?.isTypeOnly
    ) {
      const clause = node.importClause;
      const names: string[] = [];
      if (clause?.name) names.push(clause.name.text);
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) {
        names.push(clause.namedBindings.name.text);
      }
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        for (const element of clause.namedBindings.elements) {
          if (!element.isTypeOnly) names.push(element.name.text);
        }
      }
      bindings.push({ specifier: node.moduleSpecifier.text, names });
    }
    if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !node.isTypeOnly
    ) {
      unscoped.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const [argument] = node.arguments;
      if (callee.kind === ts.SyntaxKind.ImportKeyword && argument && ts.isStringLiteral(argument)) {
        unscoped.push(argument.text);
      }
      if (ts.isIdentifier(callee) && callee.text === 'useTranslations') {
        facts.namespaces.push(argument && ts.isStringLiteralLike(argument) ? argument.text : null);
      }
      if (ts.isIdentifier(callee) && callee.text === 'useMessages') facts.readsAllMessages = true;
    }
    if (isScopeElement(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      facts.scopes.push({ file, line: line + 1, namespaces: scopeNamespaces(node) });
    }
    if (ts.isIdentifier(node) && isUse(node)) {
      if (node.text === 'children') childrenUses.push(enclosingNamespaces(node));
      const uses = usesOf.get(node.text) ?? [];
      uses.push(enclosingNamespaces(node));
      usesOf.set(node.text, uses);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const { specifier, names } of bindings) {
    const target = resolveImport(file, specifier);
    if (!target) continue;
    const uses = names.flatMap((name) => usesOf.get(name) ?? []);
    facts.imports.push({ file: target, scoped: commonNamespaces(uses) });
  }
  for (const specifier of unscoped) {
    const target = resolveImport(file, specifier);
    if (target) facts.imports.push({ file: target, scoped: new Map() });
  }
  facts.childrenScoped = commonNamespaces(childrenUses);
  return facts;
}

/** Whether `namespace` is handed over by a scope of `provided` (itself, or a namespace above it). */
function covers(provided: Iterable<string>, namespace: string): boolean {
  for (const name of provided) {
    if (namespace === name || namespace.startsWith(`${name}.`)) return true;
  }
  return false;
}

/** The files Next renders as parts of a route: pages, layouts and their boundaries. */
const SEGMENT_FILE = /^(page|layout|loading|error|not-found|template|default|global-error)\.(tsx|ts)$/u;

/** The layouts a segment file renders inside, outermost first. */
function layoutsAround(file: string, facts: Facts): string[] {
  const dirs: string[] = [];
  const own = path.dirname(file);
  for (let dir = own; dir.startsWith(appRoot); dir = path.dirname(dir)) dirs.unshift(dir);
  return dirs
    .map((dir) => path.join(dir, 'layout.tsx'))
    .filter((layout) => layout !== file && facts.has(layout));
}

interface Problem {
  kind: 'missing' | 'unused' | 'redundant' | 'not literal' | 'in client code';
  text: string;
}

interface Analysis {
  problems: Problem[];
  /** Client files reached, with the namespaces handed to them on the way (one set per path). */
  reached: Map<string, Set<string>[]>;
}

const relative = (file: string) => path.relative(webRoot, file);
const where = (scope: Scope) => `${relative(scope.file)}:${scope.line}`;

function analyse(facts: Facts): Analysis {
  const problems = new Map<string, Problem>();
  const problem = (kind: Problem['kind'], text: string) => problems.set(`${kind}: ${text}`, { kind, text });
  const reached = new Map<string, Set<string>[]>();
  // Per scope ('file:line'), the namespaces it hands over that some client component under it reads.
  const read = new Map<string, Set<string>>();
  for (const fact of facts.values()) {
    for (const scope of fact.scopes) {
      read.set(where(scope), new Set());
      if (scope.namespaces === null)
        problem('not literal', `${where(scope)}: namespaces is not an array of literals`);
      if (fact.directive === 'use client') {
        problem('in client code', `${where(scope)}: <ClientMessages> is a server component`);
      }
    }
  }
  // Each namespace handed over on the way down, with the scopes ('file:line') that hand it over.
  type Provided = Map<string, string[]>;
  const withScopes = (provided: Provided, file: string, scoped: Map<string, Set<number>>): Provided => {
    const next: Provided = new Map(provided);
    for (const [name, lines] of scoped) {
      const keys = [...lines].map((line) => `${relative(file)}:${line}`);
      if (covers(provided.keys(), name)) {
        for (const key of keys)
          problem('redundant', `${key} hands over '${name}', which a scope around it already hands over`);
      }
      next.set(name, [...(next.get(name) ?? []), ...keys]);
    }
    return next;
  };
  const seen = new Set<string>();
  const walk = (file: string, provided: Provided, inClient: boolean): void => {
    const fact = facts.get(file);
    if (!fact || fact.directive === 'use server') return;
    const client = inClient || fact.directive === 'use client';
    const key = `${file}\0${client}\0${JSON.stringify([...provided].sort())}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (client) {
      reached.set(file, [...(reached.get(file) ?? []), new Set(provided.keys())]);
      for (const namespace of fact.namespaces) {
        if (namespace === null) continue;
        const from = [...provided].filter(([name]) => covers([name], namespace));
        if (from.length === 0) {
          const names = [...provided.keys()].sort().join(', ') || 'none';
          problem(
            'missing',
            `${relative(file)} reads '${namespace}', which no scope around it hands over (${names})`,
          );
        }
        for (const [name, scopes] of from) for (const scope of scopes) read.get(scope)?.add(name);
      }
    }
    for (const edge of fact.imports) walk(edge.file, withScopes(provided, file, edge.scoped), client);
  };
  const segments = [...facts.keys()].filter(
    (file) => file.startsWith(appRoot) && SEGMENT_FILE.test(path.basename(file)),
  );
  for (const file of segments) {
    // What the layouts around it hand to their children.
    let provided: Provided = new Map();
    for (const layout of layoutsAround(file, facts)) {
      provided = withScopes(provided, layout, facts.get(layout)!.childrenScoped);
    }
    walk(file, provided, false);
  }
  for (const fact of facts.values()) {
    for (const scope of fact.scopes) {
      const used = read.get(where(scope))!;
      for (const name of scope.namespaces ?? []) {
        if (!used.has(name))
          problem('unused', `${where(scope)} hands over '${name}', which no client component under it reads`);
      }
    }
  }
  return { problems: [...problems.values()], reached };
}

const facts: Facts = new Map(sourceFiles(webRoot).map((file) => [file, factsOf(file)]));

function readCatalog(locale: string): Catalog {
  return JSON.parse(readFileSync(path.join(webRoot, 'messages', `${locale}.json`), 'utf8')) as Catalog;
}

const projectsPage = path.join(appRoot, '(signed-in)', 'w', '[slug]', 'projects', '(list)', 'page.tsx');
const projectList = path.join(appRoot, '(signed-in)', 'w', '[slug]', 'projects', 'project-list.tsx');

describe('the catalog namespaces handed to client components (<ClientMessages> scopes)', () => {
  const analysis = analyse(facts);

  it('the scan reaches client code through imports as well as through the directive', () => {
    const reached = [...analysis.reached.keys()].map(relative);
    // A 'use client' file, and a file without the directive that only client files import.
    expect(reached).toContain(relative(projectList));
    expect(facts.get(path.join(webRoot, 'lib', 'auth-errors.ts'))?.directive).toBeUndefined();
    expect(reached).toContain(path.join('lib', 'auth-errors.ts'));
    // Server actions are references in the browser: their files and imports are not client code.
    const action = path.join(appRoot, '(signed-in)', 'w', '[slug]', 'projects', 'actions.ts');
    expect(facts.get(action)?.directive).toBe('use server');
    expect(reached).not.toContain(relative(action));
    // The projects list renders under the root layout's, the signed-in layout's and its page's scopes.
    const handed = analysis.reached.get(projectList) ?? [];
    expect(
      handed.some((names) => names.has('projects.list') && names.has('shell') && names.has('common')),
    ).toBe(true);
  });

  it('client code names its namespaces literally and never reads the whole catalog', () => {
    const browser = [...analysis.reached.keys()];
    const dynamic = browser.filter((file) => facts.get(file)!.namespaces.includes(null));
    const whole = browser.filter((file) => file !== scopeFile && facts.get(file)!.readsAllMessages);
    expect(dynamic.map(relative), 'useTranslations without a literal namespace').toEqual([]);
    expect(whole.map(relative), 'useMessages reads every namespace').toEqual([]);
  });

  it('every client component renders inside scopes that hand over the namespaces it reads, and no more', () => {
    expect(analysis.problems.map(({ kind, text }) => `${kind}: ${text}`)).toEqual([]);
    const scopes = [...facts.values()].flatMap((fact) => fact.scopes);
    expect(scopes.length).toBeGreaterThan(5);
  });

  it('fails when a scope misses a namespace, or hands over one nothing reads', () => {
    // The projects page without 'projects.list': the list would show its keys.
    const text = readFileSync(projectsPage, 'utf8');
    expect(text).toContain("'projects.list'");
    const without = new Map(facts);
    without.set(projectsPage, factsOf(projectsPage, text.replace(/'projects\.list',?\s*/u, '')));
    expect(analyse(without).problems).toContainEqual({
      kind: 'missing',
      text: expect.stringContaining(`${relative(projectList)} reads 'projects.list'`),
    });
    // And with a namespace no client component under it reads: bytes on the page for nothing.
    const extra = new Map(facts);
    extra.set(
      projectsPage,
      factsOf(projectsPage, text.replace("'projects.list'", "'projects.list', 'audit'")),
    );
    expect(analyse(extra).problems).toContainEqual({
      kind: 'unused',
      text: expect.stringContaining("hands over 'audit'"),
    });
  });

  it.each([...LOCALES])(
    'every namespace a scope hands over exists in the %s catalog and is handed over whole',
    (locale) => {
      const catalog = readCatalog(locale);
      const pick = (from: Catalog, namespace: string) =>
        namespace
          .split('.')
          .reduce<string | Catalog | undefined>(
            (value, key) => (typeof value === 'object' ? value[key] : undefined),
            from,
          );
      for (const scope of [...facts.values()].flatMap((fact) => fact.scopes)) {
        const namespaces = scope.namespaces ?? [];
        const subset = pickMessages(catalog, namespaces);
        for (const namespace of namespaces) {
          expect(pick(catalog, namespace), `${namespace} (${where(scope)}) in ${locale}.json`).toBeTypeOf(
            'object',
          );
          expect(pick(subset, namespace), namespace).toEqual(pick(catalog, namespace));
        }
        // And nothing else: a namespace no scope names stays on the server.
        expect(Object.keys(subset).sort()).toEqual(
          [...new Set(namespaces.map((namespace) => namespace.split('.')[0]!))].sort(),
        );
      }
    },
  );

  it('a scope adds its namespaces to those around it, nested ones included', () => {
    const outer: Catalog = { common: { close: 'Close' }, billing: { picker: { title: 'Plans' } } };
    const inner: Catalog = {
      billing: { upgradePrompt: { title: 'Upgrade' } },
      projects: { list: { label: 'Projects' } },
    };
    expect(mergeMessages(outer, inner)).toEqual({
      common: { close: 'Close' },
      billing: { picker: { title: 'Plans' }, upgradePrompt: { title: 'Upgrade' } },
      projects: { list: { label: 'Projects' } },
    });
    // Neither side is changed: the outer messages are shared by every scope under them.
    expect(outer).toEqual({ common: { close: 'Close' }, billing: { picker: { title: 'Plans' } } });
  });
});
