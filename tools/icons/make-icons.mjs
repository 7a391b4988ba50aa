// Renders the web app's icons (PWA manifest, apple-touch-icon) from one SVG in the system Chromium:
//   node tools/icons/make-icons.mjs
// The PNGs are committed; run this again only when the logo changes. Needs a CJK font for 霞.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const OUT = resolve(import.meta.dirname, '../../apps/web/public/icons');
const RED = '#8e2430';

/** `maskable`: the glyph kept inside the central 80 % safe zone, the background full-bleed. */
const svg = (maskable) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="${maskable ? 0 : 14}" fill="${RED}"/>
  <text x="32" y="${maskable ? 42 : 44}" font-size="${maskable ? 26 : 34}" text-anchor="middle" fill="#fff"
    font-family="'Noto Sans CJK SC','Source Han Sans SC','PingFang SC',sans-serif" font-weight="700">霞</text>
</svg>`;

const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const markup = svg(icon.maskable).replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${markup}</body></html>`);
    writeFileSync(resolve(OUT, icon.file), await page.screenshot({ omitBackground: true, type: 'png' }));
    await page.close();
    console.log(`${icon.file} ${icon.size}×${icon.size}`);
  }
} finally {
  await browser.close();
}
