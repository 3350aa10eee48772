import { ImageResponse } from 'next/og';
import type { ReactNode } from 'react';

// The Open Graph card every public page shares: the mark, a title and a line, drawn by Next's
// ImageResponse (satori + resvg, no browser) from plain elements with inline styles.

export const ogImageSize = { width: 1200, height: 630 };

/** The cards' frame: the dark page with its margins, its children spread from top to bottom. */
export function OgFrame({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '72px 80px',
        background: '#0b1120',
        color: '#e2e8f0',
      }}
    >
      {children}
    </div>
  );
}

export function ogCard(
  {
    eyebrow,
    title,
    body,
  }: {
    eyebrow: string;
    title: string;
    body: string;
  },
  /** Response headers (a card that depends on the viewer must not be cached for others). */
  headers?: Record<string, string>,
): ImageResponse {
  return new ImageResponse(
    <OgFrame>
      <div style={{ display: 'flex', alignItems: 'center', gap: 20 }}>
        <svg width="64" height="64" viewBox="0 0 32 32">
          <rect width="32" height="32" rx="7" fill="#818cf8" />
          <rect x="9" y="8" width="14" height="4" rx="1" fill="#0b1120" />
          <rect x="12" y="13.5" width="8" height="6" rx="1" fill="#0b1120" fillOpacity="0.8" />
          <rect x="7" y="21" width="18" height="4" rx="1" fill="#0b1120" />
        </svg>
        <span style={{ fontSize: 44, fontWeight: 600 }}>Plinth</span>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
        <span style={{ fontSize: 28, color: '#818cf8' }}>{eyebrow}</span>
        <span style={{ fontSize: 64, fontWeight: 600, lineHeight: 1.1 }}>{title}</span>
        <span style={{ fontSize: 30, color: '#94a3b8', lineHeight: 1.4 }}>{body}</span>
      </div>
    </OgFrame>,
    { ...ogImageSize, ...(headers ? { headers } : {}) },
  );
}
