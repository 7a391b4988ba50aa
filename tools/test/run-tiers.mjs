// `npm test`: every tier in order, stopping at the first failure, with the time each took.
import { spawnSync } from 'node:child_process';

const tiers = [
  ['lint', 'npm run lint --silent'],
  ['typecheck', 'npm run typecheck --silent'],
  ['unit tests', 'npm run test:unit --silent'],
  ['migrations agree with entities', 'npm run db:check --silent'],
  ['API tests on a real database', 'npm run test:api --silent'],
  ['browser tests', 'npm run test:web --silent'],
];
const started = Date.now();
const timings = [];
for (const [name, command] of tiers) {
  const t = Date.now();
  console.log(`\n=== ${name}: ${command}`);
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true });
  timings.push(`${name}: ${Math.round((Date.now() - t) / 1000)}s`);
  if (status !== 0) {
    console.error(`\n=== ${name} FAILED (exit ${status}) after ${Math.round((Date.now() - started) / 1000)}s\n${timings.join('\n')}`);
    process.exit(status ?? 1);
  }
}
console.log(`\n=== all tiers passed in ${Math.round((Date.now() - started) / 1000)}s\n${timings.join('\n')}`);
