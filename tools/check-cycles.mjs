#!/usr/bin/env node
// Import cycles between the API's modules (apps/api/src/modules/<module>), at module granularity (issue 18).
// A module depends on another when one of its files imports one of the other's files, relatively or through
// `@xkx/api/modules/…`. The one import that is not a dependency here is an entity file importing another
// module's entity: entities relate across modules as TypeORM needs (any other file importing another module's
// entity is refused by the lint rule `xkx/module-boundaries`, tools/eslint/module-boundaries.mjs).
// Exits 1 when the module graph has a cycle, naming the imports that close it. Run by `nx lint api`
// (the api project's lint target depends on `check-cycles`); `--verbose` also prints the module graph.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const modulesRoot = join(root, 'apps/api/src/modules');
const ALIAS = '@xkx/api/modules/';
const verbose = process.argv.includes('--verbose');

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(path) && !path.endsWith('.d.ts')) yield path;
  }
}

/** module name → module name → the imports that make the edge */
function graph() {
  const edges = new Map();
  for (const file of sources(modulesRoot)) {
    const from = relative(modulesRoot, file).split('/')[0];
    for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      let to;
      if (spec.startsWith(ALIAS)) to = spec.slice(ALIAS.length);
      else if (spec.startsWith('.')) to = relative(modulesRoot, resolve(dirname(file), spec));
      else continue;
      if (to.startsWith('..')) continue;
      const toModule = to.split('/')[0];
      if (toModule === from) continue;
      if (to.endsWith('.entity') && file.endsWith('.entity.ts')) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      const out = edges.get(from);
      if (!out.has(toModule)) out.set(toModule, []);
      out.get(toModule).push(`${relative(modulesRoot, file)} → ${to}`);
    }
  }
  return edges;
}

/** Strongly connected components with more than one module (Tarjan). */
function cycles(edges) {
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indexOf.get(w)));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
  for (const v of [...nodes].sort()) if (!indexOf.has(v)) visit(v);
  return found;
}

function describe(edges, component) {
  const lines = [];
  for (const a of component) for (const [b, imports] of edges.get(a) ?? []) if (component.includes(b)) lines.push(`  ${a} → ${b}: ${imports.join('; ')}`);
  return lines.join('\n');
}

const code = graph();
if (verbose) {
  console.log('module dependencies:');
  for (const [a, out] of [...code].sort()) console.log(`  ${a} → ${[...out.keys()].sort().join(', ')}`);
}
const found = cycles(code);
if (found.length > 0) {
  console.error(`Import cycles between API modules (${found.length}); break them with a port, an event or by moving the code to its owner:`);
  for (const c of found) console.error(`- ${c.join(' ↔ ')}\n${describe(code, c)}`);
  process.exit(1);
}
console.log(`check-cycles: no import cycles between the ${statSync(modulesRoot) && readdirSync(modulesRoot).length} API modules`);
