// next-intl's typed keys: t('…') accepts only keys of the English catalog (the source of truth),
// and the locale is one of @plinth/core/locales. tests/i18n.test.ts keeps the other catalogs level.
import type { Locale } from '@plinth/core/locales';
import type messages from '../messages/en.json';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
