// The grouped API tier (jest.tier.config.js) starts its groups in order, group-1 first: spec-groups.ts
// puts the costliest spec (the fuzzer on PostgreSQL, deals on PGlite) in group 1, so it never starts last
// and leaves the other worker idle. (Jest's own order, by the last run's durations, has none on a fresh clone.)
const Sequencer = require('@jest/test-sequencer').default;

const index = (path) => Number(/group-(\d+)\.e2e-group\.ts$/.exec(path)?.[1] ?? Number.MAX_SAFE_INTEGER);

class GroupSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => index(a.path) - index(b.path));
  }
}

module.exports = GroupSequencer;
