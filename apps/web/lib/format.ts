// Display helpers for client components. Dates are formatted in the browser (its time zone) and
// only after data arrives on the client, so server and client HTML never disagree.

const formats = new Map<string, { dateTime: Intl.DateTimeFormat; dateOnly: Intl.DateTimeFormat }>();

function formatsFor(locale: string | undefined) {
  const key = locale ?? '';
  let found = formats.get(key);
  if (!found) {
    found = {
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      dateOnly: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
    };
    formats.set(key, found);
  }
  return found;
}

/**
 * The Intl locale to show dates in for the app's active locale (next-intl's useLocale): the
 * browser's own when it is a variant of it (en-GB for English keeps day-month order), else the
 * active locale (a person who chose German sees German dates in an English browser).
 */
export function dateLocale(appLocale: string | undefined): string | undefined {
  // Read through globalThis: this module is also compiled without the DOM's types (the tests
  // that import the landing's data).
  const browser = (globalThis as { navigator?: { language?: string } }).navigator?.language;
  if (!appLocale || !browser) return appLocale;
  return browser.toLowerCase().split('-')[0] === appLocale ? browser : appLocale;
}

export function formatDateTime(value: string | Date | null | undefined, locale?: string): string {
  if (!value) return '—';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '—' : formatsFor(locale).dateTime.format(date);
}

export function formatDate(value: string | Date | null | undefined, locale?: string): string {
  if (!value) return '—';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '—' : formatsFor(locale).dateOnly.format(date);
}

/**
 * The browser and operating system named in a user agent string ("Chrome", "macOS": product names,
 * not translated); good enough to recognise one's own devices. The account page words them.
 */
export function userAgentParts(userAgent: string | null | undefined): {
  browser: string | null;
  os: string | null;
} {
  if (!userAgent) return { browser: null, os: null };
  const browser =
    (/Edg\//u.test(userAgent) && 'Edge') ||
    (/OPR\//u.test(userAgent) && 'Opera') ||
    (/Firefox\//u.test(userAgent) && 'Firefox') ||
    (/(Chrome|Chromium|CriOS)\//u.test(userAgent) &&
      (/HeadlessChrome/u.test(userAgent) ? 'Headless Chrome' : 'Chrome')) ||
    (/Safari\//u.test(userAgent) && 'Safari') ||
    (/curl\//u.test(userAgent) && 'curl') ||
    null;
  const os =
    (/Windows/u.test(userAgent) && 'Windows') ||
    (/(iPhone|iPad|iPod)/u.test(userAgent) && 'iOS') ||
    (/Mac OS X|Macintosh/u.test(userAgent) && 'macOS') ||
    (/Android/u.test(userAgent) && 'Android') ||
    (/CrOS/u.test(userAgent) && 'ChromeOS') ||
    (/Linux/u.test(userAgent) && 'Linux') ||
    null;
  return { browser, os };
}

/** "12.5 MB": sizes of files and storage limits (powers of 1024, as the plans count them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Number((bytes / 1024 ** 3).toFixed(1))} GB`;
  if (bytes >= 1024 ** 2) return `${Number((bytes / 1024 ** 2).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} B`;
}
