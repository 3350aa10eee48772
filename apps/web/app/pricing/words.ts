import { createTranslator } from 'next-intl';
import type { Locale } from '@plinth/core/locales';
import de from '../../messages/de.json';
import en from '../../messages/en.json';

// The pricing page's words outside React: the comparison table and the FAQ are plain functions of
// the billing catalog (tests/site/pricing-comparison.test.ts calls them without a request), so
// they take a locale and read the message catalogs directly. English is the default.

const catalogs: Record<Locale, typeof en> = { en, de };

/** `t` for the `pricing` namespace in `locale`. */
export function pricingTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale], namespace: 'pricing' });
}
