import { BULK_MAX_ITEMS, BulkResult } from '@xkx/contracts';
import { concatMap, from, Observable, reduce } from 'rxjs';

/**
 * A bulk call for any number of items: the API takes at most BULK_MAX_ITEMS per request, so longer
 * selections go in consecutive requests (one after the other, like the API applies items) and the
 * answers are joined into one, in order.
 */
export function inBatches<T>(items: readonly T[], call: (batch: T[]) => Observable<BulkResult>, size = BULK_MAX_ITEMS): Observable<BulkResult> {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return from(batches).pipe(
    concatMap((batch) => call(batch)),
    reduce<BulkResult, BulkResult>((all, r) => ({ results: [...all.results, ...r.results], succeeded: all.succeeded + r.succeeded, failed: all.failed + r.failed }), { results: [], succeeded: 0, failed: 0 }),
  );
}
