import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Logo } from '../brand/logo';

/** The footer of the public pages: what the product is, and where its terms live. */
export function PublicFooter() {
  const t = useTranslations('landing.footer');
  return (
    <footer className="border-t border-border">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-4 px-6 py-6 text-sm text-muted-foreground">
        <Logo className="text-sm text-foreground" />
        <nav aria-label={t('label')} className="flex flex-wrap gap-x-5 gap-y-2">
          <Link href="/pricing" className="rounded-sm hover:text-foreground">
            {t('pricing')}
          </Link>
          <Link href="/terms" className="rounded-sm hover:text-foreground">
            {t('terms')}
          </Link>
          <Link href="/privacy" className="rounded-sm hover:text-foreground">
            {t('privacy')}
          </Link>
        </nav>
        <p className="w-full sm:w-auto">{t('tagline')}</p>
      </div>
    </footer>
  );
}
