import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { PublicHeader } from './public-header';
import { Button } from '../ui/button';
import { PublicFooter } from './public-footer';

/**
 * The frame of the terms and privacy pages. Their text is a starting template for whoever runs
 * this product: it describes what the code does (sessions, audit rows, Stripe, mail), not a legal
 * opinion — have it reviewed before launch, and keep it true as the product changes.
 */
export function LegalPage({
  title,
  updated,
  children,
}: {
  title: string;
  /** The day of the last change, `YYYY-MM-DD`; worded in the page's locale ("5 December 2026"). */
  updated: string;
  children: ReactNode;
}) {
  const t = useTranslations('legal');
  // Day-month order in English too (en-GB, as the mail templates write dates), in UTC: a calendar day.
  const date = new Intl.DateTimeFormat(useLocale() === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${updated}T00:00:00Z`));
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader>
        <Button asChild variant="ghost" size="sm">
          <Link href="/sign-in">{t('signIn')}</Link>
        </Button>
      </PublicHeader>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-6 py-14 outline-none">
        <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-2 text-sm text-muted-foreground">{t('lastUpdated', { date })}</p>
        <div className="mt-8 grid gap-6 text-sm leading-relaxed [&_h2]:text-lg [&_h2]:font-semibold [&_h2]:text-foreground [&_li]:ml-5 [&_li]:list-disc [&_p]:text-muted-foreground [&_ul]:grid [&_ul]:gap-1.5 [&_ul]:text-muted-foreground">
          {children}
        </div>
      </main>
      <PublicFooter />
    </div>
  );
}
