/** What mail calls the product. A fork renames it here, and the templates follow. */
export const productName = 'Plinth';

/** Colours and type shared by every template; inline styles are all mail clients reliably keep. */
export const theme = {
  background: '#f1f5f9',
  card: '#ffffff',
  text: '#0f172a',
  muted: '#5b6475',
  border: '#e2e8f0',
  primary: '#4338ca',
  primaryText: '#ffffff',
  fontFamily:
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif, 'Apple Color Emoji'",
} as const;
