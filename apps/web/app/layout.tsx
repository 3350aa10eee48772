import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ThemeBootScript } from '../components/theme-boot-script';
import { ToastProvider } from '../components/ui/toast';
import { themeBootScript } from '../lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: {
    default: 'Plinth',
    template: '%s · Plinth',
  },
  description:
    'A TypeScript foundation for SaaS products: identity, tenancy, billing and platform pieces on Postgres, proven by tests.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1120' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The boot script may set the class of <html> before React hydrates: expected, not a mismatch.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Before the first paint: the device's saved theme (a cookie), so no page flashes the other palette. */}
        <ThemeBootScript script={themeBootScript} />
      </head>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        {/* The first stop of the Tab key on every page: past the navigation, straight to the content. */}
        <a
          href="#main"
          className="sr-only rounded-md bg-background px-3 py-2 text-sm font-medium text-foreground shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:ring-2 focus:ring-ring"
        >
          Skip to content
        </a>
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  );
}
