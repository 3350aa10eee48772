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
