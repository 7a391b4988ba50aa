// Jest reporter: where each test file's time goes. For every file: its wall time, the part spent inside
// its tests (assertions), the rest (loading modules, beforeAll/afterAll: booting the app, seeding,
// closing), and the CPU time its worker used while it ran (apps/api-e2e/src/support/file-times.ts writes
// it to XKX_TEST_TIMES). On a shared machine the CPU column is the one to compare. A test file of the
// grouped API tier (apps/api-e2e/src/support/spec-groups.ts) is followed by one row per spec it ran: that
// spec's wall, test and CPU time from its first hook to its last (the group's module loading is not in them).
//
//   XKX_TEST_TIMES=/tmp/times.jsonl node --experimental-vm-modules node_modules/jest/bin/jest.js \
//     -c apps/api-e2e/jest.config.js --reporters=default --reporters=./tools/test/file-times-reporter.cjs
const { existsSync, readFileSync } = require('node:fs');
const { relative } = require('node:path');

class FileTimesReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.rows = [];
    this.started = Date.now();
  }

  onTestResult(_test, result) {
    const wall = result.perfStats.end - result.perfStats.start;
    const inTests = result.testResults.reduce((sum, t) => sum + (t.duration ?? 0), 0);
    // Grouped specs: their tests sit under a describe named after the spec file.
    const bySpec = new Map();
    for (const t of result.testResults) {
      const spec = t.ancestorTitles[0];
      if (spec?.startsWith('specs/')) bySpec.set(spec, (bySpec.get(spec) ?? 0) + (t.duration ?? 0));
    }
    this.rows.push({ file: result.testFilePath, wall, inTests, bySpec });
  }

  onRunComplete() {
    const cpu = new Map();
    const specs = new Map();
    const log = process.env.XKX_TEST_TIMES;
    if (log && existsSync(log)) {
      for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
        const entry = JSON.parse(line);
        if (entry.group) specs.set(entry.group, [...(specs.get(entry.group) ?? []), entry]);
        else cpu.set(entry.file, entry);
      }
    }
    const s = (ms) => (ms / 1000).toFixed(1).padStart(7);
    const lines = [`${'wall s'.padStart(7)} ${'tests s'.padStart(7)} ${'rest s'.padStart(7)} ${'cpu s'.padStart(7)}  file`];
    let wall = 0, inTests = 0, cpuTotal = 0;
    for (const row of this.rows.sort((a, b) => b.wall - a.wall)) {
      const c = cpu.get(row.file);
      wall += row.wall;
      inTests += row.inTests;
      cpuTotal += c ? c.cpuMs : 0;
      lines.push(`${s(row.wall)} ${s(row.inTests)} ${s(row.wall - row.inTests)} ${c ? s(c.cpuMs) : '      -'}  ${relative(this.rootDir, row.file)}`);
      for (const spec of (specs.get(row.file) ?? []).sort((a, b) => b.wallMs - a.wallMs)) {
        const tests = row.bySpec.get(`specs/${spec.file.split('/').pop()}`) ?? 0;
        lines.push(`${s(spec.wallMs)} ${s(tests)} ${s(spec.wallMs - tests)} ${s(spec.cpuMs)}    ${relative(this.rootDir, spec.file)}`);
      }
    }
    lines.push(`${s(wall)} ${s(inTests)} ${s(wall - inTests)} ${cpu.size ? s(cpuTotal) : '      -'}  ${this.rows.length} files (sum), ${Math.round((Date.now() - this.started) / 1000)} s elapsed`);
    console.log(`\nTime per test file:\n${lines.join('\n')}`);
  }
}

module.exports = FileTimesReporter;
