// With XKX_TEST_TIMES set, each test file appends the CPU time its worker spent on it (module loading,
// app start, tests, close) to that file; tools/test/file-times-reporter.cjs prints it per file. In the
// grouped tier (spec-groups.ts) each spec of a group also appends its own share: wall and CPU time from
// its first hook to its last (the group's module loading is the group file's alone).
import { appendFileSync } from 'node:fs';

const log = process.env['XKX_TEST_TIMES'];
if (log) {
  const started = process.cpuUsage();
  afterAll(() => {
    const used = process.cpuUsage(started);
    appendFileSync(log, JSON.stringify({ file: expect.getState().testPath, cpuMs: Math.round((used.user + used.system) / 1000) }) + '\n');
  });
}

/** Declares `spec` (a function declaring its tests) between hooks that time it, when XKX_TEST_TIMES is set. */
export function timeSpec(spec: string, group: string, declare: () => void): void {
  if (!log) return declare();
  let cpu = process.cpuUsage();
  let wall = Date.now();
  beforeAll(() => {
    cpu = process.cpuUsage();
    wall = Date.now();
  });
  declare();
  afterAll(() => {
    const used = process.cpuUsage(cpu);
    appendFileSync(log, JSON.stringify({ file: spec, group, wallMs: Date.now() - wall, cpuMs: Math.round((used.user + used.system) / 1000) }) + '\n');
  });
}
