import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Logo } from '../../components/brand/logo';

/** Sign-in, sign-up and the account-recovery pages: one narrow column, no app chrome. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('auth');
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-6 py-5">
        <Link href="/" aria-label={t('homeLink')} className="inline-flex rounded-md text-foreground">
          <Logo className="text-lg" />
        </Link>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="outline-none flex flex-1 justify-center px-4 pt-6 pb-16 sm:pt-14"
      >
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}
