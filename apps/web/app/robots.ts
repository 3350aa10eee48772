import type { MetadataRoute } from 'next';
import { privatePrefixes, siteOrigin } from '../lib/site';

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await siteOrigin();
  return {
    rules: { userAgent: '*', allow: '/', disallow: [...privatePrefixes] },
    sitemap: new URL('/sitemap.xml', origin).toString(),
    host: origin.origin,
  };
}
