// With XKX_TEST_TIMES set, each test file appends the CPU time its worker spent on it (module loading,
// app start, tests, close) to that file; tools/test/file-times-reporter.cjs prints it per file.
import { appendFileSync } from 'node:fs';

const log = process.env['XKX_TEST_TIMES'];
if (log) {
  const started = process.cpuUsage();
  afterAll(() => {
    const used = process.cpuUsage(started);
    appendFileSync(log, JSON.stringify({ file: expect.getState().testPath, cpuMs: Math.round((used.user + used.system) / 1000) }) + '\n');
  });
}
