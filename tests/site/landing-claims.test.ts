import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildV1Document } from '@plinth/api/client-generator';
import { claims, landingFaq } from '../../apps/web/lib/landing';

// The landing page claims only what exists: every capability it lists names the files, the API
// operations and the pages that implement it (apps/web/lib/landing.ts), and this fails when one of
// them is missing — a module moved, an operation renamed, a page deleted. e2e/seo.test.ts checks that
// the served page shows these claims.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const appDir = path.join(repoRoot, 'apps/web/app');

/** The URL pattern of every page of the Next app: `(group)` folders left out, `[param]` kept. */
function appPages(): Set<string> {
  const pages = new Set<string>();
  for (const entry of readdirSync(appDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'page.tsx') continue;
    const segments = path
      .relative(appDir, entry.parentPath)
      .split(path.sep)
      .filter((segment) => segment !== '' && !/^\(.+\)$/u.test(segment));
    pages.add(`/${segments.join('/')}`);
  }
  return pages;
}

/** `METHOD /path` of every operation in the /api/v1 document. */
function apiOperations(): Set<string> {
  const operations = new Set<string>();
  for (const [route, item] of Object.entries(buildV1Document().paths ?? {})) {
    for (const method of Object.keys(item as object)) operations.add(`${method.toUpperCase()} ${route}`);
  }
  return operations;
}

describe('the landing page claims only what exists', () => {
  const pages = appPages();
  const operations = apiOperations();

  it('finds the app’s pages and the API’s operations (the lookups themselves work)', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/w/[slug]/billing');
    expect(pages).not.toContain('/w/[slug]/projects/(list)');
    expect(operations).toContain('GET /workspaces/{slug}/billing');
    // A made-up claim is caught by each lookup.
    expect(existsSync(path.join(repoRoot, 'packages/core/src/teleportation'))).toBe(false);
    expect(pages.has('/w/[slug]/teleport')).toBe(false);
    expect(operations.has('POST /workspaces/{slug}/teleport')).toBe(false);
  });

  it.each(claims.map((claim) => [claim.title, claim] as const))('%s names what implements it', (_, claim) => {
    const { modules, api = [], pages: claimedPages = [] } = claim.evidence;
    // Every claim is backed by code; an API operation or a page alone would not show where.
    expect(modules.length, claim.title).toBeGreaterThan(0);
    for (const module of modules) {
      expect(existsSync(path.join(repoRoot, module)), `${claim.title}: ${module}`).toBe(true);
    }
    for (const operation of api) {
      expect(operations.has(operation), `${claim.title}: ${operation}`).toBe(true);
    }
    for (const page of claimedPages) {
      expect(pages.has(page), `${claim.title}: ${page}`).toBe(true);
    }
  });

  it('claims are distinct and the FAQ answers each question once', () => {
    expect(new Set(claims.map((claim) => claim.id)).size).toBe(claims.length);
    expect(new Set(landingFaq.map((item) => item.question)).size).toBe(landingFaq.length);
  });

  it('the landing page renders the claims and the FAQ from this data, not its own copy', () => {
    const source = readFileSync(path.join(appDir, 'page.tsx'), 'utf8');
    expect(source).toMatch(/import \{[^}]*\bclaims\b[^}]*\} from '\.\.\/lib\/landing'/u);
    expect(source).toMatch(/import \{[^}]*\blandingFaq\b[^}]*\} from '\.\.\/lib\/landing'/u);
    for (const claim of claims) expect(source, claim.title).not.toContain(claim.body);
  });
});
