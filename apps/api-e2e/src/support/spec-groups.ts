// The API tier as `npm run test:api` runs it (jest.tier.config.js): the spec files in a few groups, each
// group one jest test file (src/groups/group-N.e2e-group.ts), so one module registry per group instead of
// one per spec. Loading the app into a fresh registry (~3,000 modules, about 3 CPU-s) and building its
// process-wide tables (the segmenter's dictionaries, zxcvbn's) cost more than most specs' assertions.
// Isolation is unchanged where it matters: every spec still starts its own app on its own copy of the
// database in its own beforeAll and closes it in its afterAll; what the specs of a group share is what
// the processes of production share between restarts, nothing (module state the app keeps is process-
// wide and read-only, or reset by createApp: fault-points.ts). Each spec runs inside a describe named
// after its file, so a failure names the spec file and test; `jest -c apps/api-e2e/jest.config.js <spec>`
// still runs one spec file on its own.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { timeSpec } from './file-times';

const SPECS_DIR = join(__dirname, '../specs');
const GROUPS_DIR = join(__dirname, '../groups');

/**
 * What each spec cost in a grouped run on this 2-core machine (wall seconds, [PostgreSQL, PGlite], load
 * average 12–16), only to balance the groups; a spec not listed counts as DEFAULT_COST. Every spec file in
 * src/specs runs, listed or not. 0: skipped on PGlite.
 */
const COST: Record<string, [number, number]> = {
  'fuzz.e2e-spec.ts': [118, 70],
  'import-limits.e2e-spec.ts': [51, 78],
  'crash-consistency.e2e-spec.ts': [95, 0],
  'deals.e2e-spec.ts': [39, 154],
  'production.e2e-spec.ts': [35, 0],
  'multi-instance.e2e-spec.ts': [45, 0],
  'bulk-actions.e2e-spec.ts': [16, 40],
  'public-notice-objections.e2e-spec.ts': [15, 27],
  'todo.e2e-spec.ts': [15, 31],
  'audit.e2e-spec.ts': [14, 19],
  'authorization-matrix.e2e-spec.ts': [14, 72],
  'auth.e2e-spec.ts': [13, 28],
  'ledger-gates.e2e-spec.ts': [11, 16],
  'database-faults.e2e-spec.ts': [9, 0],
  'attachments.e2e-spec.ts': [9, 22],
  'excel.e2e-spec.ts': [9, 35],
  'backup-restore.e2e-spec.ts': [8, 40],
  'observability.e2e-spec.ts': [7, 26],
  'org-import.e2e-spec.ts': [7, 23],
  'abuse-limits.e2e-spec.ts': [6, 26],
  'migrations.e2e-spec.ts': [6, 18],
  'contracts.e2e-spec.ts': [6, 17],
  'decline-closure.e2e-spec.ts': [5, 19],
  'listings.e2e-spec.ts': [5, 13],
  'operations.e2e-spec.ts': [5, 20],
  'contract-received-totals.e2e-spec.ts': [5, 10],
  'kpi-cache.e2e-spec.ts': [4, 9],
  'kpis.e2e-spec.ts': [3, 22],
  'hostile-input.e2e-spec.ts': [3, 11],
  'membership.e2e-spec.ts': [3, 10],
  'matching.e2e-spec.ts': [3, 12],
  'organizations.e2e-spec.ts': [3, 15],
  'openapi.e2e-spec.ts': [3, 8],
  'export-words.e2e-spec.ts': [2, 6],
  'human-urls.e2e-spec.ts': [2, 14],
  'nda.e2e-spec.ts': [2, 12],
  'monthly-report.e2e-spec.ts': [2, 8],
  'request-path.e2e-spec.ts': [1, 6],
  'platform.e2e-spec.ts': [1, 7],
  'database-outage.e2e-spec.ts': [1, 0],
  'mail.e2e-spec.ts': [1, 8],
  'scheduled-once.e2e-spec.ts': [3, 10],
  'change-feed.e2e-spec.ts': [3, 8],
  'carriers.e2e-spec.ts': [5, 15],
  'instruments.e2e-spec.ts': [4, 12],
  'queue-workers.e2e-spec.ts': [32, 0],
  'jobs.e2e-spec.ts': [2, 8],
  'experts.e2e-spec.ts': [12, 40],
  'expert-import.e2e-spec.ts': [6, 16],
};
const DEFAULT_COST: [number, number] = [6, 18];

export function specFiles(): string[] {
  return readdirSync(SPECS_DIR)
    .filter((name) => name.endsWith('.e2e-spec.ts'))
    .sort();
}

export function groupFiles(): string[] {
  return readdirSync(GROUPS_DIR)
    .filter((name) => name.endsWith('.e2e-group.ts'))
    .sort((a, b) => groupIndex(a) - groupIndex(b));
}

function groupIndex(file: string): number {
  const match = /^group-(\d+)\.e2e-group\.ts$/.exec(basename(file));
  if (!match) throw new Error(`spec group file ${file} is not named group-<N>.e2e-group.ts`);
  return Number(match[1]);
}

/** The specs split into `count` groups of about equal cost (longest first, each to the cheapest group). */
export function partition(specs: string[], count: number): string[][] {
  const groups = Array.from({ length: count }, () => ({ cost: 0, specs: [] as string[] }));
  const column = process.env['DATABASE_URL'] ? 0 : 1;
  const cost = (spec: string) => (COST[spec] ?? DEFAULT_COST)[column];
  for (const spec of [...specs].sort((a, b) => cost(b) - cost(a) || a.localeCompare(b))) {
    const cheapest = groups.reduce((min, group) => (group.cost < min.cost ? group : min));
    cheapest.cost += cost(spec);
    cheapest.specs.push(spec);
  }
  return groups.map((group) => group.specs.sort());
}

/** Declares, in the calling group file, one describe per spec of its group that runs that spec file. */
export function runSpecGroup(groupFile: string): void {
  const groups = groupFiles();
  const index = groups.indexOf(basename(groupFile));
  if (index < 0) throw new Error(`${groupFile} is not in ${GROUPS_DIR}`);
  const specs = partition(specFiles(), groups.length)[index] ?? [];
  for (const spec of specs) {
    describe(`specs/${spec}`, () => {
      // With XKX_TEST_TIMES: this spec's share of the group's time (file-times.ts).
      timeSpec(join(SPECS_DIR, spec), groupFile, () => {
        require(join(SPECS_DIR, spec));
      });
    });
  }
}
