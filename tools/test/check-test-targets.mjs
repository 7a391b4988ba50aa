// An empty project is a decision, not a default (docs/ARCHITECTURE.md, "Unit tests"). Every project either
// has a jest `test` target that fails when it finds no tests, or is named in tools/test/no-unit-tests.json
// with the reason it has none (its code is covered by another tier, or it is a test project itself).
// Run by `npm run lint`.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const decided = JSON.parse(readFileSync(new URL('./no-unit-tests.json', import.meta.url), 'utf8'));
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*/project.json'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.includes('node_modules/'));
const problems = [];
const names = new Set();
for (const file of files) {
  const project = JSON.parse(readFileSync(file, 'utf8'));
  names.add(project.name);
  const test = project.targets?.test;
  const reason = decided[project.name];
  if (test) {
    if (test.options?.passWithNoTests !== false) problems.push(`${file}: the test target must say "passWithNoTests": false`);
    if (reason !== undefined) problems.push(`${file}: has a test target but is listed in no-unit-tests.json`);
  } else if (typeof reason !== 'string' || reason.trim().length < 10) {
    problems.push(`${file}: no test target; add one with a unit test, or say why not in tools/test/no-unit-tests.json`);
  }
}
for (const name of Object.keys(decided)) if (!names.has(name)) problems.push(`no-unit-tests.json names ${name}, which is not a project`);
if (problems.length) {
  console.error(`Test targets:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`test targets: ${names.size - Object.keys(decided).length} projects with unit tests, ${Object.keys(decided).length} without by decision`);
