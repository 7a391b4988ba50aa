// Module ownership inside apps/api (issue 18): one local ESLint rule, `xkx/module-boundaries`.
//  1. No relative import across modules: another module is reached through `@xkx/api/modules/<module>/…`
//     (autofixed), so a module's dependencies are visible at a glance and a folder can move.
//  2. A module's tables are its own: only entity files (`*.entity.ts`, for TypeORM relations) may import
//     another module's entities. Services, controllers, DTOs and helpers ask the owning module's reader or
//     port instead. There are no exceptions (the baseline of older reads was emptied and removed, issue 18).
// The cycle check between modules is tools/check-cycles.mjs (the api project's lint target runs it).
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MODULES_DIR = 'apps/api/src/modules';
export const MODULE_ALIAS = '@xkx/api/modules/';
const modulesRoot = join(root, MODULES_DIR);

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
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const self = insideModules(file);
    if (!self) return {};
    const ownModule = self.split('/')[0];
    const isEntityFile = file.endsWith('.entity.ts');
    const isSpec = /\.(e2e-)?spec\.ts$/.test(file);
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
      if (to.endsWith('.entity') && !isEntityFile && !isSpec) context.report({ node: source, messageId: 'entity', data: { from: self, to, owner: toModule } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'module-boundaries': rule } };
