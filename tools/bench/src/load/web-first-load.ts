import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT } from './children';

/** Where `npm run build` puts the web app (apps/web/project.json outputPath + /browser). */
export const WEB_DIR = join(ROOT, 'dist/apps/web/browser');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The browser tier's flags (apps/web-e2e/src/support/chromium.ts).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

export interface WebFirstLoad {
  /** navigationStart → the home page component in the DOM with its data (the first route rendered). */
  routeRenderedMs: number;
  firstContentfulPaintMs: number | null;
  largestContentfulPaintMs: number | null;
  domContentLoadedMs: number;
  loadEventMs: number;
  /** Compressed bytes of every script that finished loading before the route rendered. */
  initialJsTransferBytes: number;
  initialJsFiles: number;
  /** The same scripts gzipped (level 6): what they would cost behind a compressing proxy, when the app serves them raw. */
  initialJsGzipBytes: number;
  /** Scripts that loaded later (lazy chunks of other routes would show here if prefetched). */
  laterJsFiles: number;
}

/**
 * Opens the portal's home page in a fresh Chromium context (cold HTTP cache, service worker blocked as in
 * the browser tier) and reads the Performance API: navigation timing, paint and LCP entries, and the
 * resource timing of scripts, whose transferSize is what crossed the wire (compressed, headers included).
 */
export async function measureWebFirstLoad(origin: string): Promise<string> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) return `web first load: skipped, ${WEB_DIR} has no build (run npm run build)`;
  if (!existsSync(CHROMIUM_PATH)) return `web first load: skipped, no Chromium at ${CHROMIUM_PATH}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN' });
    const page = await context.newPage();
    // LCP entries are only buffered for observers registered before they happen.
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number | null };
      w.__lcp = null;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__lcp = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(origin, { waitUntil: 'commit' });
    // The home route's component with its lists filled: newest listings come from GET /api/portal/home.
    await page.waitForSelector('xkx-home-page a[href*="/results/"]', { timeout: 60_000 });
    const rendered = await page.evaluate(() => performance.now());
    await page.waitForLoadState('load');
    // Let LCP settle (it stops at the first input or after the page is idle).
    await page.waitForTimeout(1000);
    const m = await page.evaluate((renderedAt) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.initiatorType === 'script' || /\.m?js(\?|$)/.test(r.name));
      const early = scripts.filter((r) => r.responseEnd <= renderedAt);
      // The document itself is not a script; modulepreload links count as scripts by their extension.
      return {
        fcp,
        lcp: (window as unknown as { __lcp: number | null }).__lcp,
        dcl: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        earlyBytes: early.reduce((n, r) => n + r.transferSize, 0),
        earlyFiles: early.length,
        earlyNames: early.map((r) => r.name),
        largest: [...early].sort((a, b) => b.transferSize - a.transferSize).slice(0, 8).map((r) => `${r.name.split('/').pop() ?? r.name} ${(r.transferSize / 1024).toFixed(1)} kB`),
        later: scripts.length - early.length,
      };
    }, rendered);
    let gzipBytes = 0;
    for (const name of m.earlyNames) gzipBytes += gzipSync(Buffer.from(await (await fetch(name)).arrayBuffer()), { level: 6 }).length;
    const r: WebFirstLoad = {
      routeRenderedMs: Math.round(rendered),
      firstContentfulPaintMs: m.fcp === null ? null : Math.round(m.fcp),
      largestContentfulPaintMs: m.lcp === null ? null : Math.round(m.lcp),
      domContentLoadedMs: Math.round(m.dcl),
      loadEventMs: Math.round(m.load),
      initialJsTransferBytes: m.earlyBytes,
      initialJsFiles: m.earlyFiles,
      initialJsGzipBytes: gzipBytes,
      laterJsFiles: m.later,
    };
    await context.close();
    const kb = (b: number): string => `${(b / 1024).toFixed(1)} kB`;
    return [
      'web first load (portal home, cold cache, headless Chromium, server under the mixed load):',
      `  first route rendered ${r.routeRenderedMs} ms (goal < 1500), FCP ${r.firstContentfulPaintMs ?? '–'} ms, LCP ${r.largestContentfulPaintMs ?? '–'} ms, DOMContentLoaded ${r.domContentLoadedMs} ms, load ${r.loadEventMs} ms`,
      `  initial JavaScript ${kb(r.initialJsTransferBytes)} transferred in ${r.initialJsFiles} files (goal < 250 kB; ${kb(r.initialJsGzipBytes)} if gzipped); ${r.laterJsFiles} more scripts loaded after the route rendered`,
      `  largest initial scripts: ${m.largest.join(', ')}`,
      `  JSON: ${JSON.stringify(r)}`,
    ].join('\n');
  } finally {
    await browser.close();
  }
}
