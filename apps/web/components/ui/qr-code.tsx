'use client';

import { useMemo } from 'react';
import { encode } from 'uqr';
import { cn } from '../../lib/cn';

type QrCodeProps = {
  value: string;
  /** What the code is for; read by screen readers, who get the text alternative next to it. */
  label: string;
  className?: string;
};

/**
 * A QR code drawn as one SVG path. Always dark on white, whatever the theme: scanners need the
 * contrast and the quiet zone (the border).
 */
export function QrCode({ value, label, className }: QrCodeProps) {
  const { size, path } = useMemo(() => {
    const qr = encode(value, { ecc: 'M', border: 2 });
    let d = '';
    qr.data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      });
    });
    return { size: qr.data.length, path: d };
  }, [value]);

  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      className={cn('size-44 rounded-md border border-border', className)}
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
