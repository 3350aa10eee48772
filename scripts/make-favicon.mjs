// Writes apps/web/app/favicon.ico from apps/web/app/icon.svg: 16, 32 and 48 px PNGs in one ICO
// (browsers ask for /favicon.ico whatever the page links; without it they log a 404).
// Run it after changing the icon: `node scripts/make-favicon.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';

const sizes = [16, 32, 48];
const svg = readFileSync(new URL('../apps/web/app/icon.svg', import.meta.url));
const images = await Promise.all(
  sizes.map((size) => sharp(svg, { density: 384 }).resize(size, size).png().toBuffer()),
);
// ICONDIR (reserved, type 1 = icon, count), then one 16-byte ICONDIRENTRY per image, then the images.
const header = Buffer.alloc(6);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(sizes.length, 4);
let offset = header.length + 16 * sizes.length;
const entries = sizes.map((size, index) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(images[index].length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += images[index].length;
  return entry;
});
writeFileSync(
  new URL('../apps/web/app/favicon.ico', import.meta.url),
  Buffer.concat([header, ...entries, ...images]),
);
