// Money and sizes on staff pages, in the reader's locale through next-intl's number formatter
// (Intl underneath): a German reader sees "1.234,50 $" and "12,5 MB", an English one "$1,234.50"
// and "12.5 MB". For server components (getFormatter) and client ones (useFormatter) alike.

import type { createFormatter } from 'next-intl';

type NumberFormatter = Pick<ReturnType<typeof createFormatter>, 'number'>;

/** `moneyIn(format, 'usd')(1950)` → "$19.50"; whole amounts without ".00", as billing prints them. */
export function moneyIn(format: NumberFormatter, currency: string) {
  return (minorUnits: number): string => {
    const amount = Math.round(minorUnits) / 100;
    return format.number(amount, {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    });
  };
}

const units = [
  [1024 ** 3, 'gigabyte'],
  [1024 ** 2, 'megabyte'],
  [1024, 'kilobyte'],
] as const;

/** "12.5 MB": sizes in powers of 1024, as the plans count them (lib/format's formatBytes, localized). */
export function bytesIn(format: NumberFormatter, bytes: number): string {
  const [size, unit] = units.find(([step]) => bytes >= step) ?? [1, 'byte'];
  return format.number(bytes / size, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
}
