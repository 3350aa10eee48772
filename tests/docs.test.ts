import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Docs are code: a citation or a link that leads nowhere is a defect. The code cites the design as
// `docs/architecture.md §n`; every such section must exist, no file may cite a design document that
// is not in the repository, and every relative link in the README and docs/ must resolve.

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Tracked files (what a fresh clone has), as paths relative to the repository root; outside a git
 * checkout (an unpacked archive), every file but dependencies, build output and local data.
 */
function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return readdirSync(repoRoot, { recursive: true, encoding: 'utf8' })
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => !/(^|\/)(node_modules|\.next|\.data|\.git)(\/|$)/.test(file))
      .filter((file) => statSync(path.join(repoRoot, file)).isFile());
  }
}

const textFile = /\.(?:ts|tsx|js|mjs|cjs|md|json|ya?ml|sql|sh)$|^\.ci\/run$/;

function read(file: string): string {
  return readFileSync(path.join(repoRoot, file), 'utf8');
}

describe('citations of the design', () => {
  const sections = new Set(
    [...read('docs/architecture.md').matchAll(/^## (\d+)\. /gm)].map((match) => Number(match[1])),
  );

  it('docs/architecture.md has its numbered sections', () => {
    expect([...sections].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('every "docs/architecture.md §n" in the repository names a section that exists', () => {
    const cited: string[] = [];
    for (const file of trackedFiles().filter((name) => textFile.test(name))) {
      for (const match of read(file).matchAll(/architecture\.md\)? §(\d+)/g)) {
        cited.push(`${file} §${match[1]}`);
        expect(sections.has(Number(match[1])), `${file} cites §${match[1]}`).toBe(true);
      }
    }
    expect(cited.length).toBeGreaterThan(10);
  });

  it('nothing cites a design document outside the repository', () => {
    const offenders = trackedFiles()
      .filter((name) => textFile.test(name) && name !== 'tests/docs.test.ts')
      .filter((file) => /ARCHITECTURE §|ARCHITECTURE\.md|\/work\/shared|HOUSE_STYLE/.test(read(file)));
    expect(offenders).toEqual([]);
  });
});

describe('links in the README and docs/', () => {
  it('every relative link points at a file or directory of the repository', () => {
    const documents = trackedFiles().filter(
      (name) => name === 'README.md' || (name.startsWith('docs/') && name.endsWith('.md')),
    );
    const broken: string[] = [];
    let checked = 0;
    for (const document of documents) {
      for (const match of read(document).matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
        checked += 1;
        const file = target.split('#')[0]!;
        if (!existsSync(path.join(repoRoot, path.dirname(document), file)))
          broken.push(`${document} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
