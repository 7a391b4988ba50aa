// `npm run lint` and `npm run typecheck`: every project's lint and type check, in as few processes as the
// workspace allows.
//
// `nx run-many -t lint` starts one ESLint per project (40 of them): each loads the config and the Nx project
// graph and builds its own TypeScript programs, re-reading Angular's or Nest's declarations every time. One
// ESLint over many projects shares all of that (typescript-eslint's project service keeps one program per
// tsconfig over one document registry). Measured on this 2-core machine: the 31 web projects took 113 s of
// CPU one by one and 38 s in one process. Two groups, because one process over the whole workspace ran out of
// its 4 GB heap: the web projects, and the rest (Node side). The groups come from the project.json files, so
// a new project is linted and type-checked without editing this file. `nx lint <project>` and
// `nx typecheck <project>` still work one project at a time (and use Nx's cache) for daily work.
//
// Type checks: most projects' tsconfigs only extend a base (tsconfig.base.json on the Node side,
// tsconfig.web.json for the web libraries) and name their files and `types`. Those of one base are checked as
// one program (a generated tsconfig including each one's files, with the union of their types) instead of one
// tsc each re-checking the same libraries. Any other tsconfig (the web app's) runs on its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => join(root, 'node_modules/.bin', name);

function projects() {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*/project.json'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.includes('node_modules/'));
  return files.map((file) => {
    const project = JSON.parse(readFileSync(join(root, file), 'utf8'));
    return { name: project.name, root: dirname(file), tags: project.tags ?? [], targets: project.targets ?? {} };
  });
}

function run(command, args, { quiet = false } = {}) {
  console.log(`> ${command.startsWith(root) ? relative(root, command) : command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function lint() {
  const all = projects().filter((p) => p.targets.lint);
  const unexpected = all.filter((p) => p.targets.lint.executor !== '@nx/eslint:lint' || p.targets.lint.options);
  if (unexpected.length) {
    console.error(`lint: these projects' lint targets are not plain @nx/eslint:lint; teach tools/test/static-checks.mjs about them: ${unexpected.map((p) => p.name)}`);
    process.exit(1);
  }
  // Targets a lint target depends on (the api's module-cycle check) run first, as Nx would run them.
  for (const project of all) {
    for (const dependency of project.targets.lint.dependsOn ?? []) {
      const target = project.targets[dependency];
      if (target?.executor !== 'nx:run-commands') throw new Error(`lint of ${project.name} depends on ${dependency}, which is not a command`);
      const [command, ...args] = target.options.command.split(' ');
      run(command, args);
    }
  }
  // @nx/enforce-module-boundaries reads the project graph Nx caches; outside `nx run` it must be computed first.
  run(bin('nx'), ['show', 'projects'], { quiet: true });
  const web = all.filter((p) => p.tags.includes('scope:web'));
  const rest = all.filter((p) => !p.tags.includes('scope:web'));
  for (const group of [web, rest]) if (group.length) run(bin('eslint'), group.map((p) => p.root));
}

/** `compilerOptions.types` of a tsconfig, following `extends`; undefined means every @types package. */
function inheritedTypes(tsconfig) {
  const config = JSON.parse(readFileSync(join(root, tsconfig), 'utf8'));
  if (config.compilerOptions?.types) return config.compilerOptions.types;
  return typeof config.extends === 'string' ? inheritedTypes(relative(root, resolve(root, dirname(tsconfig), config.extends))) : undefined;
}

function typecheck() {
  // tsconfigs that only name their base, files to include and `types` join their base's group: one program each.
  const groups = new Map();
  const separate = [];
  for (const project of projects()) {
    const target = project.targets.typecheck;
    if (!target) continue;
    const match = /^tsc -p (\S+) --noEmit$/.exec(target.options?.command ?? '');
    if (target.executor !== 'nx:run-commands' || !match) {
      console.error(`typecheck: ${project.name}'s target is not "tsc -p <tsconfig> --noEmit"; teach tools/test/static-checks.mjs about it`);
      process.exit(1);
    }
    const tsconfig = match[1];
    const config = JSON.parse(readFileSync(join(root, tsconfig), 'utf8'));
    const simple = typeof config.extends === 'string' && Array.isArray(config.include) && !config.files && !config.exclude && !config.references;
    const onlyTypes = Object.keys(config.compilerOptions ?? {}).every((k) => k === 'types' || k === 'outDir');
    if (!simple || !onlyTypes) {
      separate.push(tsconfig);
      continue;
    }
    const base = relative(root, resolve(root, dirname(tsconfig), config.extends));
    groups.set(base, [...(groups.get(base) ?? []), { tsconfig, config }]);
  }
  const dir = join(root, 'node_modules/.cache/xkx-typecheck');
  mkdirSync(dir, { recursive: true });
  const fromDir = (p) => relative(dir, join(root, p));
  for (const [base, members] of groups) {
    if (members.length === 1) {
      separate.push(members[0].tsconfig);
      continue;
    }
    // A member without `types` sees what its base lets it see; undefined (every @types package) wins.
    const each = members.map((m) => m.config.compilerOptions?.types ?? inheritedTypes(base));
    const types = each.some((t) => t === undefined) ? undefined : [...new Set(each.flat())];
    const combined = {
      extends: fromDir(base),
      compilerOptions: { noEmit: true, ...(types ? { types } : {}) },
      include: members.flatMap((m) => m.config.include.map((glob) => fromDir(join(dirname(m.tsconfig), glob)))),
    };
    const file = join(dir, `tsconfig.${base.replace(/[^a-z0-9]+/gi, '-')}`);
    writeFileSync(file, `${JSON.stringify(combined, null, 2)}\n`);
    console.log(`one program for the ${members.length} projects on ${base}: ${members.map((m) => dirname(m.tsconfig)).join(', ')}`);
    run(bin('tsc'), ['-p', file]);
  }
  for (const tsconfig of separate) run(bin('tsc'), ['-p', tsconfig, '--noEmit']);
}

const task = process.argv[2];
if (task === 'lint') lint();
else if (task === 'typecheck') typecheck();
else {
  console.error('usage: node tools/test/static-checks.mjs lint|typecheck');
  process.exit(2);
}
