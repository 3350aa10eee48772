// Money in words, safe for client components (no server imports). A fixed locale so the server's
// HTML and the browser's hydration agree.

export function formatMoney(minorUnits: number, currency: string): string {
  const amount = minorUnits / 100;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    // Whole amounts without ".00": "$19", but "$19.50".
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}
