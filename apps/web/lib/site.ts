import type { Metadata, MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadEnv } from '@plinth/core/env';

// What search engines and link previews see of the public pages. Absolute URLs come from APP_URL
// read when the page is served (never from the request's Host header, and never frozen at build
// time: one image serves every environment).

export const siteName = 'Plinth';

/** Open Graph's `og:locale` for an app locale: the language of the page as rendered. */
export const openGraphLocales = { en: 'en_US', de: 'de_DE' } as const;

/** The public pages: the sitemap lists exactly these; everything else is disallowed in robots.txt. */
export const publicPages: ReadonlyArray<{
  path: string;
  changeFrequency: NonNullable<MetadataRoute.Sitemap[number]['changeFrequency']>;
  priority: number;
}> = [
  { path: '/', changeFrequency: 'weekly', priority: 1 },
  { path: '/pricing', changeFrequency: 'weekly', priority: 0.9 },
  { path: '/sign-up', changeFrequency: 'yearly', priority: 0.5 },
  { path: '/sign-in', changeFrequency: 'yearly', priority: 0.3 },
  { path: '/terms', changeFrequency: 'yearly', priority: 0.2 },
  { path: '/privacy', changeFrequency: 'yearly', priority: 0.2 },
];

/** Signed-in and machine areas: never indexed (they answer a sign-in redirect or JSON anyway). */
export const privatePrefixes = [
  '/app',
  '/w/',
  '/account',
  '/admin',
  '/api/',
  '/dev/',
  '/invitations/',
  // Workspace share pages: a member's view of a private workspace (decision 0040).
  '/share/',
] as const;

/** The configured origin (APP_URL), read per request; marks the caller dynamic. */
export async function siteOrigin(): Promise<URL> {
  await connection();
  return new URL(new URL(loadEnv().appUrl).origin);
}

/**
 * Metadata for a public page: canonical URL, Open Graph and Twitter cards, in the request's locale
 * (title and description come worded by the page; `og:locale` follows the rendered language). The
 * preview image is the site's card (`app/opengraph-image.tsx`, English: it renders without a
 * request locale) unless the page names its segment's own (pricing).
 */
export async function publicPageMetadata(page: {
  path: string;
  title?: string;
  description?: string;
  /** An `opengraph-image` route; default the site's card. */
  image?: string;
}): Promise<Metadata> {
  const [origin, locale, t] = await Promise.all([siteOrigin(), getLocale(), getTranslations('landing')]);
  const title = page.title ?? siteName;
  const description = page.description ?? t('metaDescription');
  const card = { url: page.image ?? '/opengraph-image', width: 1200, height: 630, alt: title };
  return {
    metadataBase: origin,
    ...(page.title ? { title: page.title } : {}),
    description,
    alternates: { canonical: page.path },
    openGraph: {
      type: 'website',
      siteName,
      title,
      description,
      url: page.path,
      locale: openGraphLocales[locale],
      images: [card],
    },
    twitter: { card: 'summary_large_image', title, description, images: [card] },
  };
}
