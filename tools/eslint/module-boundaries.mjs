// Module ownership inside apps/api (issue 18): one local ESLint rule, `xkx/module-boundaries`.
//  1. No relative import across modules: another module is reached through `@xkx/api/modules/<module>/…`
//     (autofixed), so a module's dependencies are visible at a glance and a folder can move.
//  2. A module's tables are its own: only entity files (`*.entity.ts`, for TypeORM relations) may import
//     another module's entities. Services, controllers, DTOs and helpers ask the owning module's reader or
//     port instead. Imports that predate the rule are listed in module-boundaries.baseline.json; the list
//     may only shrink (an entry no longer needed is reported too, so it is deleted when the import goes).
// The cycle check between modules is tools/check-cycles.mjs (the api project's lint target runs it).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MODULES_DIR = 'apps/api/src/modules';
export const MODULE_ALIAS = '@xkx/api/modules/';
const modulesRoot = join(root, MODULES_DIR);
const baseline = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'module-boundaries.baseline.json'), 'utf8'));
const allowed = new Map(Object.entries(baseline.entityReads).map(([file, targets]) => [file, new Set(targets)]));

/** `deals/deal-queries.service` style path inside the modules folder, or null outside it. */
function insideModules(absolute) {
  const rel = relative(modulesRoot, absolute).split('\\').join('/');
  return rel.startsWith('..') || rel === '' ? null : rel.replace(/\.ts$/, '');
}

function target(spec, fromFile) {
  if (spec.startsWith(MODULE_ALIAS)) return spec.slice(MODULE_ALIAS.length);
  if (spec.startsWith('.')) return insideModules(resolve(dirname(fromFile), spec));
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    fixable: 'code',
    schema: [],
    messages: {
      relative: "Import another module through '{{alias}}', not a relative path across modules.",
      entity: "'{{from}}' reads another module's table ({{to}}): ask {{owner}}'s reader or port instead (only entities may import other modules' entities).",
      stale: "'{{file}}' no longer imports {{to}}: delete it from tools/eslint/module-boundaries.baseline.json.",
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const self = insideModules(file);
    if (!self) return {};
    const ownModule = self.split('/')[0];
    const isEntityFile = file.endsWith('.entity.ts');
    const isSpec = /\.(e2e-)?spec\.ts$/.test(file);
    const baselined = allowed.get(self) ?? new Set();
    const seen = new Set();
    const check = (node) => {
      const source = node.source;
      if (!source || typeof source.value !== 'string') return;
      const to = target(source.value, file);
      if (!to) return;
      const toModule = to.split('/')[0];
      if (toModule === ownModule) return;
      if (source.value.startsWith('.')) {
        const alias = `${MODULE_ALIAS}${to}`;
        context.report({ node: source, messageId: 'relative', data: { alias }, fix: (fixer) => fixer.replaceText(source, `'${alias}'`) });
      }
      if (to.endsWith('.entity') && !isEntityFile && !isSpec) {
        seen.add(to);
        if (!baselined.has(to)) context.report({ node: source, messageId: 'entity', data: { from: self, to, owner: toModule } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      'Program:exit'(program) {
        for (const to of baselined) if (!seen.has(to)) context.report({ node: program, messageId: 'stale', data: { file: self, to } });
      },
    };
  },
};

export default { rules: { 'module-boundaries': rule } };
