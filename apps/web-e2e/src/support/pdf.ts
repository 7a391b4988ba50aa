import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';

export interface PrintedPdf {
  pages: number;
  /** The PDF's text, `squeeze`d: compare it with `squeeze`d expectations. */
  text: string;
}

/**
 * Prints the page to an A4 PDF through Chromium's own print path (print media, the page's @page rules)
 * and reads the text back out of the PDF with pdf.js: what a user who chooses "Save as PDF" gets.
 */
export async function printToPdf(page: Page): Promise<PrintedPdf> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const dir = mkdtempSync(join(tmpdir(), 'xkx-pdf-'));
  try {
    const file = join(dir, 'printed.pdf');
    writeFileSync(file, pdf);
    const out = execFileSync(process.execPath, [join(__dirname, 'pdf-text.mjs'), file], { encoding: 'utf8' });
    const parsed = JSON.parse(out) as { pages: number; text: string };
    return { pages: parsed.pages, text: squeeze(parsed.text) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Text as compared: NFKC (a CJK font's ToUnicode map may name a shared glyph by its Kangxi radical,
 * 大 as U+2F24), every dash as '-', and no white space (line wraps differ from the page).
 */
export function squeeze(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '');
}
