import { ImageResponse } from 'next/og';
import { OgFrame, ogCard, ogImageSize } from '../../../components/site/og-card';
import { shareCardFor, shareCardHeaders } from '../../../lib/share-card';

export const alt = 'A workspace on Plinth';
export const size = ogImageSize;
export const contentType = 'image/png';

/**
 * A workspace's card, for its members: its initials and name. Everyone else gets the site's generic
 * card with the same status and headers, whatever the slug (decision 0040).
 */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const card = await shareCardFor((await params).slug);
  if (!card) {
    return ogCard(
      {
        eyebrow: 'TypeScript · Postgres · Stripe',
        title: 'The foundation your SaaS product stands on.',
        body: 'Identity, tenancy, billing and the platform pieces every SaaS needs, proven by tests.',
      },
      shareCardHeaders,
    );
  }
  return new ImageResponse(
    <OgFrame>
      <span style={{ fontSize: 30, color: '#94a3b8' }}>A workspace on Plinth</span>
      <div style={{ display: 'flex', alignItems: 'center', gap: 48 }}>
        <div
          style={{
            width: 200,
            height: 200,
            borderRadius: 40,
            background: '#818cf8',
            color: '#0b1120',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            fontSize: 96,
            fontWeight: 700,
          }}
        >
          {card.initials}
        </div>
        <span style={{ fontSize: 72, fontWeight: 600, lineHeight: 1.1, maxWidth: 760 }}>
          {card.name.length > 60 ? `${card.name.slice(0, 59)}…` : card.name}
        </span>
      </div>
      <span style={{ fontSize: 28, color: '#818cf8' }}>Plinth</span>
    </OgFrame>,
    { ...ogImageSize, headers: shareCardHeaders },
  );
}
