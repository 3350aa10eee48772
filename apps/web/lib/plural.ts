// Counted nouns through Intl.PluralRules, so "1 member" and "2 members" come from one rule per
// locale instead of hand-written ternaries (English today; a catalog slots in per locale).

const rules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let found = rules.get(locale);
  if (!found) {
    found = new Intl.PluralRules(locale);
    rules.set(locale, found);
  }
  return found;
}

/** The form of a noun for `count`: `forms.one` / `forms.other` (and any other category given). */
export function pluralForm(
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
  locale = 'en-US',
): string {
  return forms[rulesFor(locale).select(count)] ?? forms.other;
}

/** "1 member", "3 members", "1,000 members": the number (grouped) and its noun's form. */
export function countOf(
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
  locale = 'en-US',
): string {
  return `${new Intl.NumberFormat(locale).format(count)} ${pluralForm(count, forms, locale)}`;
}

/** The nouns billing counts, so every page words them the same. */
export const nouns = {
  member: { one: 'member', other: 'members' },
  seat: { one: 'seat', other: 'seats' },
  paidSeat: { one: 'paid seat', other: 'paid seats' },
  project: { one: 'project', other: 'projects' },
  invitation: { one: 'pending invitation', other: 'pending invitations' },
} as const;
