// The languages Plinth speaks, and how a request picks one. Pure and client-safe (no server
// imports): the web app's pages, its client components, the API and the mail worker share it.
// docs/decisions/0039-i18n-with-next-intl.md

/** Every supported locale. Adding one: its catalogs (apps/web/messages, packages/emails/messages) and this list. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/** Used when neither the person's setting nor the browser names a supported locale. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Each locale's name in its own language, for the selector (a German speaker looks for "Deutsch"). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported locale for an `Accept-Language` header (RFC 9110 §12.5.4): ranges by their
 * q-value, highest first (ties keep the header's order); a range matches a locale by its primary
 * subtag (`de-AT` → `de`); `*` and q=0 ranges are ignored. None supported → null.
 */
export function negotiateLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/iu.exec(param)?.[1]).find(Boolean);
      const quality = q === undefined ? 1 : Number(q);
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.tag && range.tag !== '*' && range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    const primary = range.tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return null;
}

/**
 * The locale of one request: the person's saved choice, else the browser's `Accept-Language`,
 * else DEFAULT_LOCALE. A saved value no longer supported (a locale removed) counts as none.
 */
export function resolveLocale(
  saved: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  if (isLocale(saved)) return saved;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}
