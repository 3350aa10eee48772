import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Logo } from '../brand/logo';

/** The top bar of the public pages: the mark home, and the page's own links on the right. */
export function PublicHeader({ children }: { children: ReactNode }) {
  const t = useTranslations('landing.header');
  return (
    <header className="border-b border-border">
      <div className="mx-auto flex h-16 w-full max-w-5xl items-center justify-between gap-4 px-6">
        <Link href="/" className="rounded-md text-foreground">
          <Logo className="text-lg" />
        </Link>
        <nav aria-label={t('label')} className="flex items-center gap-2">
          {children}
        </nav>
      </div>
    </header>
  );
}
