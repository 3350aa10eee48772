import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { resolveLocale, type Locale } from '@plinth/core/locales';
import { readRequestPerson } from '../lib/session';

// next-intl's request configuration: which locale and catalog this request renders with. There are
// no locale prefixes in URLs (/de/…): the locale is the signed-in person's saved choice, else the
// browser's Accept-Language, else English (docs/decisions/0039-i18n-with-next-intl.md). The person
// comes from the session read every page shares (one statement per request, React's cache).

const catalogs: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('../messages/en.json'),
  de: () => import('../messages/de.json'),
};

export default getRequestConfig(async () => {
  const [person, requestHeaders] = await Promise.all([readRequestPerson(), headers()]);
  const locale = resolveLocale(person?.user.locale, requestHeaders.get('accept-language'));
  return {
    locale,
    messages: (await catalogs[locale]()).default,
    // Dates that the server formats (rare: most are formatted in the browser, lib/format.ts) are in
    // UTC, so server and client HTML agree.
    timeZone: 'UTC',
  };
});
