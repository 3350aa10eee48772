import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '../components/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.notFound');
  return { title: t('metaTitle') };
}

export default async function NotFound() {
  const t = await getTranslations('errors.notFound');
  return (
    <main
      id="main"
      tabIndex={-1}
      className="outline-none flex min-h-dvh flex-col items-center justify-center gap-6 px-6 text-center"
    >
      <div className="grid gap-2">
        <p className="text-sm font-medium text-primary">404</p>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="max-w-sm text-sm text-muted-foreground">{t('body')}</p>
      </div>
      <div className="flex flex-wrap justify-center gap-3">
        <Button asChild>
          <Link href="/">{t('home')}</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/app">{t('openApp')}</Link>
        </Button>
      </div>
    </main>
  );
}
