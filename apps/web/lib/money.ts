// Money in words, safe for client components (no server imports). In the app's active locale
// (next-intl's locale, the same on the server and in the browser, so hydration agrees): "$19" in
// English, "19 $" in German. Never the browser's own locale, which the server cannot know.

/** The Intl locale money is written in for an app locale: one fixed region per language. */
export function moneyLocale(appLocale: string | undefined): string {
  return appLocale === 'de' ? 'de-DE' : 'en-US';
}

export function formatMoney(minorUnits: number, currency: string, appLocale?: string): string {
  const amount = minorUnits / 100;
  return new Intl.NumberFormat(moneyLocale(appLocale), {
    style: 'currency',
    currency: currency.toUpperCase(),
    // Whole amounts without ".00": "$19", but "$19.50".
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}
