// Compiles the API and the libraries it imports with SWC into dist/api, keeping the repo layout
// (dist/api/apps/api/src/main.js). SWC keeps decorator metadata, which Nest's DI reads, and
// rewrites the tsconfig path aliases (@xkx/*) into relative requires. Type checking is `tsc --noEmit`.
// An optional argument names another output folder: the API test tier builds into its own, so it never
// deletes the dist/api that the browser tier's servers run from at the same time (`npm test`'s lanes).
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile, cp } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = resolve(root, process.argv[2] ?? 'dist/api');
const sources = ['apps/api/src', 'libs/shared/contracts/src', 'libs/shared/util/src', 'libs/api'];
const { compilerOptions } = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(root, 'tsconfig.base.json'), 'utf8')));

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

await rm(out, { recursive: true, force: true });
let count = 0;
for (const source of sources) {
  for await (const file of walk(join(root, source))) {
    const rel = relative(root, file);
    const target = join(out, rel);
    if (file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.d.ts')) {
      const { code, map } = await transformFile(file, {
        filename: file,
        sourceMaps: true,
        module: { type: 'commonjs' },
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          baseUrl: root,
          paths: compilerOptions.paths,
        },
      });
      const js = target.replace(/\.ts$/, '.js');
      await mkdir(dirname(js), { recursive: true });
      await writeFile(js, `${code}\n//# sourceMappingURL=${js.split('/').pop()}.map`);
      await writeFile(`${js}.map`, map ?? '');
      count++;
    } else if (!file.endsWith('.ts') && !rel.includes('/src/')) {
      // Data files (dictionaries, lexicons) that libraries read at run time.
      await mkdir(dirname(target), { recursive: true });
      await cp(file, target);
    }
  }
}
console.log(`built ${count} files into ${relative(root, out)}`);
