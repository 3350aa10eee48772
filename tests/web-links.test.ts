import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every in-app link written in apps/web points at a page that exists. The production build
// prefetches the links in view, so a link to nowhere is a 404 on every visit of the page that
// holds it (the staff 2FA page linked /account/security, which never existed, until an e2e run
// against the build counted that 404).

const WEB = path.resolve(import.meta.dirname, '../apps/web');
/** Served by apps/server, not by a Next page. */
const SERVER_ROUTES = [/^\/api(\/|$)/u, /^\/dev\/mail$/u];

function files(directory: string, keep: (name: string) => boolean): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === '.next' ? [] : files(file, keep);
    return keep(entry.name) ? [file] : [];
  });
}

/** Each page's path as segments: route groups dropped, `[param]` kept as a wildcard. */
function pageRoutes(): string[][] {
  const app = path.join(WEB, 'app');
  return files(app, (name) => /^page\.(tsx|ts|jsx|js)$/u.test(name)).map((file) =>
    path
      .relative(app, path.dirname(file))
      .split(path.sep)
      .filter((segment) => segment !== '' && !/^\(.*\)$/u.test(segment)),
  );
}

/** The links in the source: `href="/…"` and `href={`/…`}`, with `${…}` parts as wildcards. */
function linksIn(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/href=(?:"(\/[^"]*)"|\{`(\/(?:[^`$]|\$\{[^}]*\})*)`\})/gu)) {
    const link = (match[1] ?? match[2]!).replaceAll(/\$\{[^}]*\}/gu, '*');
    found.push(link.split(/[?#]/u)[0]!);
  }
  return found;
}

function resolves(link: string, routes: string[][]): boolean {
  if (SERVER_ROUTES.some((route) => route.test(link))) return true;
  const segments = link.split('/').filter((segment) => segment !== '');
  return routes.some(
    (route) =>
      route.length === segments.length &&
      route.every(
        (part, index) => segments[index]!.includes('*') || part.startsWith('[') || part === segments[index],
      ),
  );
}

describe('links between the pages', () => {
  const routes = pageRoutes();
  const sources = files(WEB, (name) => /\.(tsx|ts)$/u.test(name) && !name.endsWith('.d.ts'));

  it('finds the pages and the links it checks (the scan itself works)', () => {
    expect(resolves('/account', routes)).toBe(true);
    expect(resolves('/w/*/projects', routes)).toBe(true);
    expect(resolves('/account/security', routes)).toBe(false);
    expect(linksIn('<Link href="/a/b?c=1#d">x</Link> <a href={`/w/${slug}/x`}>')).toEqual(['/a/b', '/w/*/x']);
    expect(sources.flatMap((file) => linksIn(readFileSync(file, 'utf8'))).length).toBeGreaterThan(40);
  });

  it('every in-app link in apps/web names a page that exists', () => {
    const broken = sources.flatMap((file) =>
      linksIn(readFileSync(file, 'utf8'))
        .filter((link) => !resolves(link, routes))
        .map((link) => `${path.relative(WEB, file)}: ${link}`),
    );
    expect(broken).toEqual([]);
  });
});
