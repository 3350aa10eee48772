import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { ThemeBootScript } from '../components/theme-boot-script';
import { ClientMessages } from '../i18n/client-messages-provider';
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
  const [locale, t] = await Promise.all([getLocale(), getTranslations('shell')]);
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
        {/* Client components read the same locale and time zone. Of its catalog they get only the
            namespaces that the <ClientMessages> scopes around them hand over (i18n/client-messages.ts):
            a provider's messages are written into every page it renders. */}
        <NextIntlClientProvider messages={{}}>
          <ClientMessages namespaces={['common', 'errors.error']}>
            <ToastProvider>{children}</ToastProvider>
          </ClientMessages>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
