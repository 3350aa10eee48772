import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@plinth/core/locales';
import { demoWorkspaces } from '../apps/server/src/seed/demo-data';

// The catalogs and the converted files, checked without a browser (docs/decisions/0039):
// 1. every catalog has exactly the keys of the English one (no missing, no stale key), in the web
//    app and in the mail templates;
// 2. every message is valid ICU MessageFormat (plurals with their `other` case included), and each
//    translation uses the same {arguments} and <tags> as the English message;
// 3. the files listed in `convertedFiles` show no hard-coded user-visible text: no JSX text with a
//    letter in it, no literal in a user-visible attribute (aria-label, title, placeholder, …) and
//    no literal `title`/`description` of a toast. A static check over the syntax tree: it sees
//    literals, not strings built elsewhere and passed in; grow the list as more files are converted.

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

type Catalog = { [key: string]: string | Catalog };

const catalogDirs = ['apps/web/messages', 'packages/emails/messages'];

function readCatalog(dir: string, locale: string): Catalog {
  return JSON.parse(readFileSync(path.join(repoRoot, dir, `${locale}.json`), 'utf8')) as Catalog;
}

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]`. */
function flatten(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : flatten(value, `${prefix}${key}.`),
  );
}

/** The argument names and rich-text tags a message uses: what a translation must keep. */
function placeholders(message: string, locale: string): string[] {
  const names = new Set<string>();
  type Element = ReturnType<IntlMessageFormat['getAst']>[number];
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      // Types 1–6: argument, number, date, time, select, plural (0 is text, 7 is #, 8 a tag).
      if (element.type >= 1 && element.type <= 6 && 'value' in element) names.add(`{${element.value}}`);
      if ('children' in element) {
        names.add(`<${element.value}>`);
        walk(element.children);
      }
      if ('options' in element) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

describe.each(catalogDirs)('the catalogs in %s', (dir) => {
  const english = new Map(flatten(readCatalog(dir, 'en')));

  it('has English messages', () => {
    expect(english.size).toBeGreaterThan(10);
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the keys of English', (locale) => {
    const other = new Map(flatten(readCatalog(dir, locale)));
    expect(
      [...english.keys()].filter((key) => !other.has(key)),
      'missing in ' + locale,
    ).toEqual([]);
    expect(
      [...other.keys()].filter((key) => !english.has(key)),
      'not in English',
    ).toEqual([]);
    const empty = [...other].filter(([, message]) => message.trim() === '').map(([key]) => key);
    expect(empty, 'empty messages').toEqual([]);
  });

  it.each([...LOCALES])('%s messages are valid ICU with the English arguments and tags', (locale) => {
    const problems: string[] = [];
    for (const [key, message] of flatten(readCatalog(dir, locale))) {
      try {
        const used = placeholders(message, locale);
        const source = english.get(key);
        if (source !== undefined && locale !== 'en') {
          const expected = placeholders(source, 'en');
          if (used.join() !== expected.join())
            problems.push(`${key}: ${used.join()} ≠ English ${expected.join()}`);
        }
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the web catalogs', () => {
  // The whole web catalog goes to the browser with every page. A workspace's name in it would show
  // on pages that must not reveal whether that workspace exists (the share page to an outsider).
  it.each(LOCALES)('%s names no demo workspace', (locale) => {
    const messages = flatten(readCatalog('apps/web/messages', locale));
    const named = messages.filter(([, message]) =>
      demoWorkspaces.some((workspace) => message.includes(workspace.name)),
    );
    expect(named).toEqual([]);
  });
});

describe('the ICU check itself', () => {
  it('refuses a broken message and a plural without `other`', () => {
    expect(() => placeholders('{count, plural, one {# seat}', 'en')).toThrow();
    expect(() => placeholders('{count, plural, one {# seat}}', 'en')).toThrow();
    expect(placeholders('{count, plural, one {# seat} other {# seats}} for <b>{name}</b>', 'en')).toEqual([
      '<b>',
      '{count}',
      '{name}',
    ]);
  });
});

/** The files whose every user-visible string comes from the catalogs. */
const convertedFiles = [
  // staff console
  'apps/web/app/(signed-in)/admin/page.tsx',
  'apps/web/app/(signed-in)/admin/access/page.tsx',
  'apps/web/app/(signed-in)/admin/access/reauthenticate-form.tsx',
  'apps/web/app/(signed-in)/admin/billing-events/page.tsx',
  'apps/web/app/(signed-in)/admin/billing-events/billing-events-table.tsx',
  'apps/web/app/(signed-in)/admin/flags/page.tsx',
  'apps/web/app/(signed-in)/admin/system/page.tsx',
  'apps/web/app/(signed-in)/admin/system/replay-job-button.tsx',
  'apps/web/app/(signed-in)/admin/users/page.tsx',
  'apps/web/app/(signed-in)/admin/users/users-table.tsx',
  'apps/web/app/(signed-in)/admin/users/ban-user-dialog.tsx',
  'apps/web/app/(signed-in)/admin/workspaces/page.tsx',
  'apps/web/app/(signed-in)/admin/workspaces/[id]/page.tsx',
  'apps/web/components/admin/charts.tsx',
  'apps/web/components/admin/staff-action-form.tsx',
  'apps/web/app/layout.tsx',
  'apps/web/app/(signed-in)/layout.tsx',
  'apps/web/app/(signed-in)/shell.tsx',
  'apps/web/components/app-shell/sidebar-nav.tsx',
  'apps/web/components/app-shell/user-menu.tsx',
  'apps/web/components/app-shell/workspace-switcher.tsx',
  'apps/web/components/app-shell/command-palette.tsx',
  'apps/web/components/ui/dialog.tsx',
  'apps/web/components/ui/confirm-dialog.tsx',
  'apps/web/components/ui/toast.tsx',
  'apps/web/app/(auth)/layout.tsx',
  'apps/web/app/(auth)/sign-in/page.tsx',
  'apps/web/app/(auth)/sign-in/sign-in-form.tsx',
  'apps/web/app/(auth)/sign-up/page.tsx',
  'apps/web/app/(auth)/sign-up/sign-up-form.tsx',
  'apps/web/app/(auth)/invitations/accept/page.tsx',
  'apps/web/app/(auth)/invitations/accept/accept-invitation-form.tsx',
  'apps/web/components/auth/oauth-buttons.tsx',
  'apps/web/components/auth/resend-verification-button.tsx',
  'apps/web/app/(signed-in)/account/page.tsx',
  'apps/web/app/(signed-in)/account/theme-section.tsx',
  'apps/web/app/(signed-in)/account/language-section.tsx',
  'apps/web/app/(signed-in)/w/[slug]/projects/(list)/page.tsx',
  'apps/web/app/(signed-in)/w/[slug]/projects/project-list.tsx',
  'apps/web/app/(signed-in)/w/[slug]/projects/create-project-dialog.tsx',
  'apps/web/app/(signed-in)/w/[slug]/projects/onboarding-checklist.tsx',
  'apps/web/app/(signed-in)/w/[slug]/members/page.tsx',
  'apps/web/app/(signed-in)/w/[slug]/members/members-table.tsx',
  'apps/web/app/(signed-in)/w/[slug]/members/invitations-table.tsx',
  'apps/web/app/(signed-in)/w/[slug]/members/invite-form.tsx',
  'apps/web/app/(signed-in)/w/[slug]/members/leave-workspace-button.tsx',
  'apps/web/app/(signed-in)/w/[slug]/members/transfer-ownership-form.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/(general)/page.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/rename-workspace-form.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/delete-workspace-form.tsx',
  'apps/web/app/(signed-in)/w/[slug]/billing/success/page.tsx',
  // workspace pages, audit, keys, webhooks
  'apps/web/app/(signed-in)/w/[slug]/layout.tsx',
  'apps/web/app/(signed-in)/w/[slug]/page.tsx',
  'apps/web/app/(signed-in)/w/[slug]/suspended/page.tsx',
  'apps/web/app/(signed-in)/w/[slug]/audit/page.tsx',
  'apps/web/app/(signed-in)/w/[slug]/audit/audit-list.tsx',
  'apps/web/app/(signed-in)/w/[slug]/projects/[id]/page.tsx',
  'apps/web/app/(signed-in)/w/[slug]/projects/[id]/attachments-section.tsx',
  'apps/web/app/(signed-in)/w/[slug]/projects/[id]/delete-project-button.tsx',
  'apps/web/app/(signed-in)/w/[slug]/projects/[id]/edit-project-form.tsx',
  'apps/web/app/(signed-in)/w/[slug]/projects/(list)/loading.tsx',
  'apps/web/app/(signed-in)/w/[slug]/members/loading.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/(general)/loading.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/logo-section.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/api-keys/layout.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/api-keys/loading.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/api-keys/page.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/api-keys/api-keys-table.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/api-keys/create-api-key-dialog.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/webhooks/layout.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/webhooks/loading.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/webhooks/page.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/webhooks/create-endpoint-dialog.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/webhooks/endpoints-table.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/webhooks/[endpointId]/page.tsx',
  'apps/web/app/(signed-in)/w/[slug]/settings/webhooks/[endpointId]/deliveries-table.tsx',
  'apps/web/lib/permission-layout.tsx',
  // money and public pages
  'apps/web/app/(signed-in)/w/[slug]/billing/page.tsx',
  'apps/web/app/(signed-in)/w/[slug]/billing/plan-picker.tsx',
  'apps/web/app/(signed-in)/w/[slug]/billing/manage-billing-button.tsx',
  'apps/web/app/(signed-in)/w/[slug]/billing/loading.tsx',
  'apps/web/app/(signed-in)/w/[slug]/billing/success/loading.tsx',
  'apps/web/components/billing/past-due-banner.tsx',
  'apps/web/components/billing/upgrade-prompt.tsx',
  'apps/web/app/pricing/page.tsx',
  'apps/web/app/pricing/comparison-table.tsx',
  'apps/web/app/pricing/comparison.ts',
  'apps/web/app/pricing/faq.ts',
  'apps/web/app/page.tsx',
  'apps/web/components/site/product-shots.tsx',
  'apps/web/lib/landing.ts',
  'apps/web/app/terms/page.tsx',
  'apps/web/app/privacy/page.tsx',
  'apps/web/app/share/[slug]/page.tsx',
  'apps/web/components/site/faq.tsx',
  'apps/web/components/site/legal-page.tsx',
  'apps/web/components/site/public-footer.tsx',
  'apps/web/components/site/public-header.tsx',
  'apps/web/app/error.tsx',
  'apps/web/app/not-found.tsx',
  'apps/web/app/(signed-in)/app/page.tsx',
  // auth, account, notifications, shared components
  'apps/web/app/(auth)/forgot-password/page.tsx',
  'apps/web/app/(auth)/forgot-password/forgot-password-form.tsx',
  'apps/web/app/(auth)/reset-password/page.tsx',
  'apps/web/app/(auth)/reset-password/reset-password-form.tsx',
  'apps/web/app/(auth)/sign-in/two-factor/page.tsx',
  'apps/web/app/(auth)/sign-in/two-factor/two-factor-form.tsx',
  'apps/web/app/(auth)/unsubscribe/page.tsx',
  'apps/web/app/(auth)/verify-email/page.tsx',
  'apps/web/app/(auth)/verify-email/resend-verification-form.tsx',
  'apps/web/app/(signed-in)/account/avatar-section.tsx',
  'apps/web/app/(signed-in)/account/backup-codes.tsx',
  'apps/web/app/(signed-in)/account/delete-account-section.tsx',
  'apps/web/app/(signed-in)/account/email-section.tsx',
  'apps/web/app/(signed-in)/account/notifications/page.tsx',
  'apps/web/app/(signed-in)/account/notifications/preferences-form.tsx',
  'apps/web/app/(signed-in)/account/password-confirm-dialog.tsx',
  'apps/web/app/(signed-in)/account/password-section.tsx',
  'apps/web/app/(signed-in)/account/profile-section.tsx',
  'apps/web/app/(signed-in)/account/sessions-section.tsx',
  'apps/web/app/(signed-in)/account/two-factor-section.tsx',
  'apps/web/app/(signed-in)/notifications/page.tsx',
  'apps/web/components/notifications/notification-bell.tsx',
  'apps/web/components/ui/secret-once.tsx',
  'apps/web/components/ui/empty-state.tsx',
  'apps/web/components/ui/qr-code.tsx',
  'apps/web/components/ui/local-time.tsx',
  'apps/web/components/ui/form-field.tsx',
  'apps/web/components/ui/skeleton.tsx',
  'apps/web/components/ui/table.tsx',
  'apps/web/components/files/image-upload-section.tsx',
  'apps/web/components/workspaces/create-workspace-dialog.tsx',
  'apps/web/components/workspaces/workspace-suspended.tsx',
  'apps/web/components/app-shell/impersonation-banner.tsx',
  'apps/web/components/app-shell/navigation-progress.tsx',
  'apps/web/components/app-shell/session-refresh.tsx',
  'apps/web/components/app-shell/theme-sync.tsx',
  'apps/web/components/auth/auth-heading.tsx',
];

/** Attributes a person reads or hears. */
const visibleAttributes = new Set([
  'aria-label',
  'alt',
  'title',
  'placeholder',
  'label',
  'description',
  'hint',
  'heading',
  'confirmLabel',
]);
/** Object properties that become toast or alert text. */
const visibleProperties = new Set(['title', 'description']);

const hasLetter = /\p{L}/u;

function isLiteralText(
  node: ts.Node | undefined,
): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return (
    node !== undefined &&
    (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
    hasLetter.test(node.text)
  );
}

/** Every hard-coded user-visible literal in one file's source: `line: text`. */
function hardCodedLiterals(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push(`${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasLetter.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && visibleAttributes.has(node.name.getText(tree))) {
      const value = node.initializer;
      if (isLiteralText(value)) report(node, `${node.name.getText(tree)}="${value.text}"`);
      if (value && ts.isJsxExpression(value) && isLiteralText(value.expression)) {
        report(node, `${node.name.getText(tree)}={'${value.expression.text}'}`);
      }
      if (
        value &&
        ts.isJsxExpression(value) &&
        value.expression &&
        ts.isTemplateExpression(value.expression)
      ) {
        if (hasLetter.test(value.expression.head.text)) report(node, value.expression.getText(tree));
      }
    }
    if (
      ts.isPropertyAssignment(node) &&
      visibleProperties.has(node.name.getText(tree)) &&
      (isLiteralText(node.initializer) ||
        (ts.isTemplateExpression(node.initializer) && hasLetter.test(node.initializer.head.text)))
    ) {
      report(node, node.getText(tree));
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe('converted files', () => {
  it.each(convertedFiles)('%s has no hard-coded user-visible text', (file) => {
    expect(hardCodedLiterals(file, readFileSync(path.join(repoRoot, file), 'utf8'))).toEqual([]);
  });

  it('the check finds JSX text, visible attributes and toast titles', () => {
    const source = `export function A() {
      toast({ title: 'Saved', variant: 'success' });
      return <div aria-label="Close" className="p-2">Hello <b>{name}</b> <span title={\`Hi \${x}\`} /></div>;
    }`;
    expect(hardCodedLiterals('a.tsx', source)).toEqual([
      "2: title: 'Saved'",
      '3: aria-label="Close"',
      '3: Hello',
      '3: `Hi ${x}`',
    ]);
  });
});
