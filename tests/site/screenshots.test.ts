import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { landingShotSrc, landingShots } from '../../apps/web/lib/product-shots';
import {
  SCREENSHOTS_DIR,
  SHOT_DEVICES,
  SHOT_THEMES,
  allShotFileNames,
  type ShotDevice,
} from '../../scripts/screenshot-list';

// The screenshots `npm run screenshots` writes (scripts/screenshots.ts) are committed files: this
// fails when one the script lists, the README shows or the landing page loads is missing, is not
// the image it should be, or when docs/screenshots holds a file the script would not write.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const docsDir = path.join(repoRoot, SCREENSHOTS_DIR);

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function isWebp(file: string): boolean {
  const bytes = readFileSync(file);
  return bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP';
}

describe('the committed screenshots', () => {
  it('docs/screenshots holds every page × theme × device the script captures, at its viewport size', () => {
    for (const name of allShotFileNames()) {
      const file = path.join(docsDir, name);
      expect(existsSync(file), `${SCREENSHOTS_DIR}/${name} is missing: run npm run screenshots`).toBe(true);
      const device = name
        .replace(/\.png$/u, '')
        .split('-')
        .at(-1) as ShotDevice;
      expect(pngSize(file), name).toEqual(SHOT_DEVICES[device]);
    }
  });

  it('docs/screenshots holds nothing the script does not write (no stale pictures)', () => {
    const expected = new Set(allShotFileNames());
    const extra = readdirSync(docsDir).filter((name) => !expected.has(name));
    expect(extra).toEqual([]);
  });

  it('every screenshot the README shows or links exists', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const referenced = [...readme.matchAll(/docs\/screenshots\/([\w.-]+)/gu)].map((match) => match[1]!);
    expect(referenced.length, 'the README shows the screenshots').toBeGreaterThan(0);
    const missing = referenced.filter((name) => !existsSync(path.join(docsDir, name)));
    expect(missing).toEqual([]);
  });

  it('every picture the landing page shows exists in apps/web/public, light and dark, as WebP', () => {
    expect(landingShots.length).toBeGreaterThan(0);
    for (const shot of landingShots) {
      for (const locale of ['en', 'de']) {
        const catalog = JSON.parse(
          readFileSync(path.join(repoRoot, `apps/web/messages/${locale}.json`), 'utf8'),
        ) as { landing: { shots: Record<string, { alt?: string }> } };
        const alt = catalog.landing.shots[shot.page]?.alt ?? '';
        expect(alt.length, `${shot.page} has alt text in ${locale}`).toBeGreaterThan(20);
      }
      for (const theme of SHOT_THEMES) {
        const file = path.join(repoRoot, 'apps/web/public', landingShotSrc(shot.page, theme));
        expect(existsSync(file), `${file} is missing: run npm run screenshots`).toBe(true);
        expect(isWebp(file), file).toBe(true);
      }
    }
  });

  it('every /screenshots/ path written out in the web app exists in apps/web/public', () => {
    const webRoot = path.join(repoRoot, 'apps/web');
    const sources = ['app', 'components', 'lib'].flatMap((dir) =>
      readdirSync(path.join(webRoot, dir), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.tsx?$/u.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name)),
    );
    const literals = sources.flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /['"`](\/screenshots\/[\w.-]+\.(?:webp|png|jpe?g|avif))['"`]/gu,
        ),
      ].map((match) => match[1]!),
    );
    const missing = literals.filter((src) => !existsSync(path.join(webRoot, 'public', src)));
    expect(missing).toEqual([]);
  });
});
