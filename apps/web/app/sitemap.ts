import type { MetadataRoute } from 'next';
import { publicPages, siteOrigin } from '../lib/site';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await siteOrigin();
  return publicPages.map((page) => ({
    url: new URL(page.path, origin).toString(),
    changeFrequency: page.changeFrequency,
    priority: page.priority,
  }));
}
