import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's own bundle, injected into each page as a script (the dev dependency, never a CDN). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices (heading order, landmarks, …). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is now and answers its violations, one line per element:
 * "rule-id (impact) target — help". An empty list is a clean page.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = (await page.evaluate('typeof window.axe')) as string;
  if (loaded !== 'object') await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(`
    window.axe
      .run({ exclude: [['nextjs-portal']] }, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })
      .then((result) => result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((node) => node.target.join(' ')),
      })))
  `)) as AxeViolation[];
  return violations.flatMap((violation) =>
    violation.targets.map(
      (target) => `${violation.id} (${violation.impact ?? 'n/a'}) ${target} — ${violation.help}`,
    ),
  );
}

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;

/**
 * axe on one page in light and dark (the visitor's system setting, which the 'system' theme
 * follows) at desktop and 360 px widths. Answers every violation, each line prefixed by where.
 */
export async function axeEverywhere(page: Page, label: string): Promise<string[]> {
  // Under `next dev` a page was reloaded while it was being measured (one CI run lost the 360 px
  // check of a public page to "Execution context was destroyed"; no page navigates by itself, so the
  // dev client's reload after an on-demand compile is the likely cause). A navigation restarts the
  // measurement on the page as it loads again; a page that keeps navigating still fails, after three
  // tries.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await measureEverywhere(page, label);
    } catch (error) {
      const navigated =
        error instanceof Error && /Execution context was destroyed|navigat/iu.test(error.message);
      if (!navigated || attempt === 3) throw error;
      await page.waitForLoadState('load');
    }
  }
}

async function measureEverywhere(page: Page, label: string): Promise<string[]> {
  const found: string[] = [];
  // The pointer rests where the last click left it; a row or button under it would be measured in
  // its hover colours. Park it in the top-left corner, over nothing that reacts.
  await page.mouse.move(0, 0);
  // Colours are checked as they end up, not mid-fade: transitions are switched off while axe runs
  // (waiting for them alone missed a fade that started a frame late on a loaded machine: a
  // half-dark select measured in a CI run).
  await page.evaluate(`(() => {
    const style = document.createElement('style');
    style.id = 'axe-no-transitions';
    style.textContent = '*, *::before, *::after { transition: none !important; }';
    document.head.append(style);
  })()`);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const [name, size] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(size);
      // A frame for layout and styles to settle after the switch, then the colour transitions it
      // started (buttons and links fade for ~150 ms): axe measuring mid-fade sees a contrast that no
      // one reads. Infinite animations (a skeleton's pulse) are not transitions and are not waited for.
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
      await page.evaluate(
        'Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => null))).then(() => null)',
      );
      for (const line of await axeViolations(page)) found.push(`${label} [${colorScheme}, ${name}] ${line}`);
    }
  }
  await page.evaluate(`document.getElementById('axe-no-transitions')?.remove()`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(VIEWPORTS.desktop);
  return found;
}
