import type { MatchIndex, NeedDoc } from '@xkx/matching';

import type { Run } from './metrics';

/**
 * Ranks the indexed results for every need through the engine's public API (the app's code path). The index
 * may come from the benchmark files or, later, from the database.
 */
export function rankAll(index: MatchIndex, needs: readonly NeedDoc[], k = 100, now = new Date()): Run {
  const run = new Map<string, string[]>();
  for (const need of needs) {
    run.set(
      need.id,
      index.match(need, { limit: k, now, reasons: false }).map((hit) => hit.id),
    );
  }
  return run;
}
