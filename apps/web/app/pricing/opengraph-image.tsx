import { catalog } from '@plinth/core/billing';
import { ogCard, ogImageSize } from '../../components/site/og-card';

export const alt = 'Plinth pricing';
export const size = ogImageSize;
export const contentType = 'image/png';

export default function Image() {
  return ogCard({
    eyebrow: 'Pricing',
    title: 'Start free. Upgrade when the team grows.',
    body: `Plans: ${Object.values(catalog.plans)
      .map((plan) => plan.name)
      .join(', ')}.`,
  });
}
