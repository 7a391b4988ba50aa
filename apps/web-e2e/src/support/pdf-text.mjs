// Prints the text of a PDF, page by page, with Mozilla's pdf.js (pdfjs-dist). A separate Node process
// because pdfjs-dist is ES-module only and the browser tests run under jest's CommonJS.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const doc = await getDocument({
  data: new Uint8Array(readFileSync(process.argv[2])),
  cMapUrl: join(root, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(root, 'standard_fonts') + '/',
  isEvalSupported: false,
  verbosity: 0,
}).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const content = await (await doc.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
}
process.stdout.write(JSON.stringify({ pages: doc.numPages, text: pages.join('\n\f') }));
