// Writes a Brotli (.br) and a gzip (.gz) copy beside every text file of the built web app, once, at build
// time. The API serves them with express-static-gzip to clients that accept them (bootstrap.ts, serveWebApp),
// so the portal's JavaScript crosses the network compressed (issue 14: initial JS under 250 kB) without the
// server compressing anything per request. Run by the web project's `build` target after Angular's build.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/build/precompress-web.mjs <built web directory>');
  process.exit(2);
}
const TEXT = /\.(js|mjs|css|html|json|webmanifest|svg|txt|map)$/;
// Below this a compressed copy saves less than its headers cost.
const MIN_BYTES = 1024;
const br = promisify(brotliCompress);
const gz = promisify(gzip);

function* files(path) {
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (TEXT.test(name)) yield full;
  }
}

let plain = 0;
let brotli = 0;
let count = 0;
// zlib's asynchronous calls run on libuv's thread pool, so the files compress in parallel.
await Promise.all(
  [...files(dir)].map(async (file) => {
    const body = readFileSync(file);
    if (body.length < MIN_BYTES) return;
    const [b, g] = await Promise.all([
      br(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
      gz(body, { level: 9 }),
    ]);
    writeFileSync(`${file}.br`, b);
    writeFileSync(`${file}.gz`, g);
    plain += body.length;
    brotli += b.length;
    count += 1;
  }),
);
console.log(`precompressed ${count} files in ${dir}: ${(plain / 1024).toFixed(0)} kB, ${(brotli / 1024).toFixed(0)} kB as Brotli`);
