import { ogCard, ogImageSize } from '../components/site/og-card';

export const alt = 'Plinth — the foundation your SaaS product stands on';
export const size = ogImageSize;
export const contentType = 'image/png';

export default function Image() {
  return ogCard({
    eyebrow: 'TypeScript · Postgres · Stripe',
    title: 'The foundation your SaaS product stands on.',
    body: 'Identity, tenancy, billing and the platform pieces every SaaS needs, proven by tests.',
  });
}
