import { createContext } from 'react';
import { createTranslator } from 'use-intl/core';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@plinth/core/locales';
import de from '../messages/de.json';
import en from '../messages/en.json';
import { productName } from './brand';

// Mail in the recipient's language: the catalogs in ../messages (one per locale, the same keys;
// tests/i18n.test.ts checks them), ICU messages through use-intl's translator (next-intl's core, the
// library the web app uses), dates and money through Intl in the same locale.
// docs/decisions/0039-i18n-with-next-intl.md

const catalogs: Record<Locale, typeof en> = { en, de };

/** The Intl locale each catalog formats with: British English (day month year), German German. */
const formatLocales: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' };

function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale] });
}

/** What a template words and formats its copy with. */
export interface MailI18n {
  locale: Locale;
  t: ReturnType<typeof translatorFor>;
  /** The product's name, for the catalogs' {product}. */
  product: string;
  /** `2025-11-23T13:40:00.000Z` → `23 November 2025 at 13:40 UTC`. Mail has no reader's time zone. */
  time(iso: string): string;
  /** `2025-11-23T13:40:00.000Z` → `23 November 2025`, for dates where the hour does not matter. */
  date(iso: string): string;
  /** `(1250, 'eur')` → `€12.50`: Stripe amounts are integer minor units of their currency. */
  money(amountMinor: number, currency: string): string;
  /** "Hi Olivia," — or "Hi," when we do not know the name yet (a magic-link sign-up). */
  greeting(name: string): string;
}

const cache = new Map<Locale, MailI18n>();

/** The wording and formats of one locale; an unsupported or missing locale is English. */
export function mailI18n(requested?: string | null): MailI18n {
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const found = cache.get(locale);
  if (found) return found;
  const t = translatorFor(locale);
  const intlLocale = formatLocales[locale];
  const dateTime = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const dateOnly = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeZone: 'UTC' });
  const made: MailI18n = {
    locale,
    t,
    product: productName,
    time: (iso) => `${dateTime.format(new Date(iso))} UTC`,
    date: (iso) => dateOnly.format(new Date(iso)),
    money(amountMinor, currency) {
      const format = new Intl.NumberFormat(intlLocale, {
        style: 'currency',
        currency: currency.toUpperCase(),
      });
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      return format.format(amountMinor / 10 ** digits);
    },
    greeting(name) {
      const trimmed = name.trim();
      return trimmed ? t('layout.greetingNamed', { name: trimmed }) : t('layout.greeting');
    },
  };
  cache.set(locale, made);
  return made;
}

/** The locale the layout renders its own words in (set by renderMail around every template). */
export const MailLocale = createContext<MailI18n>(mailI18n(DEFAULT_LOCALE));
