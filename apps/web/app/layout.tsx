import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { ThemeBootScript } from '../components/theme-boot-script';
import { clientMessages, type Catalog } from '../i18n/client-messages';
import { ToastProvider } from '../components/ui/toast';
import { themeBootScript } from '../lib/theme';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shell');
  return {
    title: {
      default: 'Plinth',
      template: '%s · Plinth',
    },
    description: t('metaDescription'),
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1120' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The request's locale (the person's setting, then Accept-Language, then English: i18n/request.ts).
  const [locale, t, messages] = await Promise.all([getLocale(), getTranslations('shell'), getMessages()]);
  return (
    // The boot script may set the class of <html> before React hydrates: expected, not a mismatch.
    <html lang={locale} suppressHydrationWarning>
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
          {t('skipToContent')}
        </a>
        {/* Client components read the same locale, and of its catalog only the namespaces they use
            (i18n/client-messages.ts): the provider's messages are written into every page. */}
        <NextIntlClientProvider messages={clientMessages(messages as Catalog)}>
          <ToastProvider>{children}</ToastProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
