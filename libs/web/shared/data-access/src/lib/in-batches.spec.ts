import { BULK_MAX_ITEMS, BulkResult } from '@xkx/contracts';
import { firstValueFrom, Observable, of } from 'rxjs';
import { inBatches } from './in-batches';

const answer = (batch: string[]): BulkResult => ({
  results: batch.map((id) => ({ id, ok: id !== 'bad', version: id === 'bad' ? null : 2, error: null })),
  succeeded: batch.filter((id) => id !== 'bad').length,
  failed: batch.filter((id) => id === 'bad').length,
});

describe('inBatches', () => {
  it('sends at most the API’s limit per request, one request after the other, and joins the answers in order', async () => {
    const ids = Array.from({ length: BULK_MAX_ITEMS * 2 + 1 }, (_, i) => (i === 5 ? 'bad' : `id${i}`));
    const calls: string[][] = [];
    let open = 0;
    const call = (batch: string[]) =>
      new Observable<BulkResult>((subscriber) => {
        open++;
        expect(open).toBe(1); // consecutive, never side by side
        calls.push(batch);
        setTimeout(() => {
          open--;
          subscriber.next(answer(batch));
          subscriber.complete();
        });
      });
    const result = await firstValueFrom(inBatches(ids, call));
    expect(calls.map((b) => b.length)).toEqual([BULK_MAX_ITEMS, BULK_MAX_ITEMS, 1]);
    expect(result.results.map((r) => r.id)).toEqual(ids);
    expect({ succeeded: result.succeeded, failed: result.failed }).toEqual({ succeeded: ids.length - 1, failed: 1 });
  });

  it('answers an empty selection with an empty result, without a request', async () => {
    const call = jest.fn((batch: string[]) => of(answer(batch)));
    expect(await firstValueFrom(inBatches([], call))).toEqual({ results: [], succeeded: 0, failed: 0 });
    expect(call).not.toHaveBeenCalled();
  });
});
