import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PublicHeader } from '../../../components/site/public-header';
import { PublicFooter } from '../../../components/site/public-footer';
import { Button } from '../../../components/ui/button';
import { shareCardFor } from '../../../lib/share-card';
import { openGraphLocales, siteName, siteOrigin } from '../../../lib/site';

type ShareProps = { params: Promise<{ slug: string }> };

/**
 * A workspace's share page: its card and a link in, for members. Everyone else — whatever the slug
 * names, or whether it names anything — gets the same page: sign in to see it (decision 0040).
 * Never indexed.
 */
export async function generateMetadata({ params }: ShareProps): Promise<Metadata> {
  const { slug } = await params;
  const [card, t, locale] = await Promise.all([shareCardFor(slug), getTranslations('share'), getLocale()]);
  const title = card ? card.name : t('anonMetaTitle');
  const path = `/share/${encodeURIComponent(slug)}`;
  const image = { url: `${path}/opengraph-image`, width: 1200, height: 630, alt: title };
  return {
    metadataBase: await siteOrigin(),
    title,
    robots: { index: false, follow: false },
    openGraph: {
      type: 'website',
      siteName,
      title,
      url: path,
      locale: openGraphLocales[locale],
      images: [image],
    },
    twitter: { card: 'summary_large_image', title, images: [image] },
  };
}

export default async function SharePage({ params }: ShareProps) {
  const { slug } = await params;
  const [card, t] = await Promise.all([shareCardFor(slug), getTranslations('share')]);
  const path = `/share/${encodeURIComponent(slug)}`;
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader>
        <Button asChild variant="ghost" size="sm">
          <Link href="/pricing">{t('pricing')}</Link>
        </Button>
      </PublicHeader>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-6 py-14 outline-none">
        {card ? (
          <>
            <h1 className="text-3xl font-semibold tracking-tight">{card.name}</h1>
            <p className="mt-3 text-muted-foreground">{t('cardBody')}</p>
            <img
              src={`${path}/opengraph-image`}
              width={1200}
              height={630}
              alt={t('cardAlt', { name: card.name })}
              className="mt-8 h-auto w-full rounded-xl border border-border"
            />
            <div className="mt-8">
              <Button asChild>
                <Link href={`/w/${encodeURIComponent(slug)}`}>{t('open')}</Link>
              </Button>
            </div>
          </>
        ) : (
          <>
            <h1 className="text-3xl font-semibold tracking-tight">{t('anonTitle')}</h1>
            <p className="mt-3 text-muted-foreground">{t('anonBody')}</p>
            <div className="mt-8">
              <Button asChild>
                <Link href={`/sign-in?next=${encodeURIComponent(`/w/${slug}`)}`}>{t('signIn')}</Link>
              </Button>
            </div>
          </>
        )}
      </main>
      <PublicFooter />
    </div>
  );
}
