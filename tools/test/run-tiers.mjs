// `npm test`: every tier, with the time each took, stopping everything at the first failure.
//
// The tiers run in two lanes side by side. The browser tier drives one server and one Chromium at a time
// and leaves most of a core idle while pages settle; the static checks and the API tier are CPU-bound.
// Running them together keeps a 2-core CI machine busy instead of taking the sum of both (see README,
// "Tests"). Each line of output carries its lane's name.
//
// With DATABASE_URL set, the API tier runs on that PostgreSQL server and then once more on embedded
// PGlite, so one `npm test` proves both databases, and `npm run bench:load -- --smoke` ends the checks lane;
// without it, the API tier runs on PGlite only. The PGlite run is split in two halves (jest's --shard) that
// wait in a shared queue: whichever lane finishes its own tiers first takes the next half, so neither lane
// idles while the other still has a long tail.
// XKX_TEST_LANES=1 runs everything in one lane, one tier after another (easier to read locally).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const postgres = Boolean(process.env.DATABASE_URL);
const withoutDatabaseUrl = { ...process.env };
delete withoutDatabaseUrl.DATABASE_URL;

/** @type {Array<{ name: string; command: string; env?: NodeJS.ProcessEnv }>} */
const checks = [
  { name: 'lint', command: 'npm run lint --silent' },
  { name: 'typecheck', command: 'npm run typecheck --silent' },
  { name: 'unit tests', command: 'npm run test:unit --silent' },
  { name: 'migrations agree with entities', command: 'npm run db:check --silent' },
  { name: postgres ? 'API tests on PostgreSQL' : 'API tests on embedded PGlite', command: 'npm run test:api --silent' },
];
// The load benchmark's smoke needs PostgreSQL; it builds its own API (dist/bench-load), never the dist/api the
// browser lane serves from, and fails on any error or on SQL that differs between the app and the bare server.
if (postgres) checks.push({ name: 'load benchmark smoke', command: 'npm run bench:load --silent -- --smoke' });
const browser = [{ name: 'browser tests', command: 'npm run test:web --silent' }];
/** Tiers either lane may run once its own are done, in this order. */
const shared = postgres
  ? [1, 2].map((i) => ({ name: `API tests on embedded PGlite (half ${i} of 2)`, command: `npm run test:api --silent -- --shard=${i}/2`, env: withoutDatabaseUrl }))
  : [];

const lanes = process.env.XKX_TEST_LANES === '1' ? { all: [...checks, ...browser, ...shared] } : { checks, browser };
const queue = process.env.XKX_TEST_LANES === '1' ? [] : [...shared];
const started = Date.now();
const seconds = (since) => Math.round((Date.now() - since) / 1000);
const timings = [];
const running = new Set();
let failed = false;

function run(lane, tier) {
  return new Promise((resolve) => {
    console.log(`[${lane}] === ${tier.name}: ${tier.command}`);
    const t = Date.now();
    // Own process group, so a failure elsewhere can stop the whole tree (nx, jest workers, servers).
    const child = spawn(tier.command, { shell: true, detached: true, env: tier.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => console.log(`[${lane}] ${line}`));
    }
    child.on('close', (code, signal) => {
      running.delete(child);
      timings.push(`${tier.name}: ${seconds(t)}s`);
      resolve(code === 0 ? 0 : (code ?? (signal ? 1 : 1)));
    });
  });
}

function stopOthers() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** A lane's own tiers, then the shared queue, taken one tier at a time by whichever lane asks first. */
function* tiersOf(own) {
  yield* own;
  while (queue.length > 0) yield queue.shift();
}

async function runLane(lane, tiers) {
  for (const tier of tiersOf(tiers)) {
    if (failed) return;
    const status = await run(lane, tier);
    if (status !== 0 && !failed) {
      failed = true;
      console.error(`\n[${lane}] === ${tier.name} FAILED (exit ${status}) after ${seconds(started)}s; stopping the other lane`);
      stopOthers();
      return;
    }
  }
}

process.on('SIGINT', () => {
  stopOthers();
  process.exit(130);
});

await Promise.all(Object.entries(lanes).map(([lane, tiers]) => runLane(lane, tiers)));
console.log(`\n=== ${failed ? 'FAILED' : 'all tiers passed'} in ${seconds(started)}s\n${timings.join('\n')}`);
process.exit(failed ? 1 : 0);
