const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** `2025-11-23T13:40:00.000Z` → `23 November 2025 at 13:40 UTC`. Mail has no reader's time zone. */
export function formatTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

/** "Hi Olivia," — or "Hi," when we do not know the name yet (a magic-link sign-up). */
export function greeting(name: string): string {
  const trimmed = name.trim();
  return trimmed ? `Hi ${trimmed},` : 'Hi,';
}

/** The plain-text part: paragraphs separated by blank lines, nothing left empty. */
export function plainText(...paragraphs: (string | false | undefined)[]): string {
  return `${paragraphs.filter((paragraph): paragraph is string => Boolean(paragraph)).join('\n\n')}\n`;
}

/** `(1250, 'eur')` → `€12.50`: Stripe amounts are integer minor units of their currency. */
export function formatMoney(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/** `2025-11-23T13:40:00.000Z` → `23 November 2025`, for dates where the hour does not matter. */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}
