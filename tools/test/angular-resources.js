// Jest transform for component tests (jest.preset.web-dom.js). Angular's JIT compiler needs two things the
// AOT build does for the app:
//  - a component's `templateUrl` read from disk: it is inlined as `template: require('./x.html')` (an .html
//    file becomes a module exporting its text); `styleUrl(s)` are dropped (jsdom lays nothing out);
//  - signal inputs, outputs, models and queries (`input()`, `output()`, `viewChild()`…) turned into the
//    decorator metadata JIT reads: Angular's own JIT transform (the one the Angular CLI uses), run by
//    TypeScript over the one file, for files that declare a component or directive.
// Every other file goes through the same SWC transform as the rest of the tests.
const crypto = require('node:crypto');
const { readFileSync } = require('node:fs');
const ts = require('typescript');
const { createTransformer } = require('@swc/jest');
const {
  constructorParametersDownlevelTransform: angularJitTransform,
} = require('@angular/compiler-cli/private/tooling');

// A cached output is stale when this file, TypeScript or Angular's compiler changes.
const self = [
  readFileSync(__filename, 'utf8'),
  ts.version,
  require('@angular/compiler-cli/package.json').version,
].join('\0');

function inlineResources(src) {
  return src
    .replace(/templateUrl\s*:\s*(['"`])([^'"`]+)\1/g, (_, q, url) => `template: require(${q}${url}${q})`)
    .replace(/styleUrl\s*:\s*(['"`])[^'"`]+\1\s*,?/g, '')
    .replace(/styleUrls\s*:\s*\[[^\]]*\]\s*,?/g, '');
}

const tsOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  experimentalDecorators: true,
  emitDecoratorMetadata: false,
  useDefineForClassFields: false,
  inlineSourceMap: true,
  inlineSources: true,
  noResolve: true,
  noLib: true,
  types: [],
};

/** TypeScript emit of one file with Angular's JIT transform; imports stay unresolved (not needed). */
function compileAngular(src, filename) {
  const source = ts.createSourceFile(filename, src, ts.ScriptTarget.ES2022, true);
  const host = ts.createCompilerHost(tsOptions);
  host.getSourceFile = (name) => (name === filename ? source : undefined);
  host.fileExists = (name) => name === filename;
  host.readFile = (name) => (name === filename ? src : undefined);
  const program = ts.createProgram([filename], tsOptions, host);
  let code = '';
  program.emit(
    source,
    (name, text) => {
      if (name.endsWith('.js')) code = text;
    },
    undefined,
    false,
    { before: [angularJitTransform(program)] },
  );
  return { code };
}

module.exports = {
  createTransformer(swcOptions) {
    const swc = createTransformer(swcOptions);
    return {
      process(src, filename, options) {
        if (filename.endsWith('.html')) return { code: `module.exports = ${JSON.stringify(src)};` };
        if (
          filename.endsWith('.ts') &&
          !filename.includes('/node_modules/') &&
          /@(Component|Directive)\(/.test(src)
        ) {
          return compileAngular(inlineResources(src), filename);
        }
        return swc.process(src, filename, options);
      },
      getCacheKey(src, filename, options) {
        return crypto
          .createHash('sha1')
          .update(self)
          .update(swc.getCacheKey(src, filename, options))
          .digest('hex');
      },
    };
  },
};
