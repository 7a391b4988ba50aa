import { shanghaiDate } from '@xkx/util';
import { ListingsService } from './listings.service';

/**
 * A listing's validity is judged on the business date (Asia/Shanghai), the same day the deals use.
 * 2026-03-01T17:30:00Z is 01:30 on 2 March in Beijing: the listing module used to answer with UTC's 1 March.
 */
describe('listing validity uses the business date', () => {
  const now = new Date('2026-03-01T17:30:00Z');
  const queries: Array<{ sql: string; params: unknown[] }> = [];
  const manager = {
    query: async (sql: string, params: unknown[] = []) => {
      queries.push({ sql, params });
      return sql.includes('pg_try_advisory_xact_lock') ? [{ locked: true }] : [[], 0];
    },
    insert: async () => undefined,
  };
  const dataSource = { transaction: async (work: (m: typeof manager) => Promise<unknown>) => work(manager) };
  const feed = { append: async () => undefined };
  const service = new ListingsService(dataSource as never, null as never, null as never, null as never, null as never, null as never, feed as never);

  beforeEach(() => (queries.length = 0));

  it('agrees with the deals on which day it is', () => {
    expect(shanghaiDate(now)).toBe('2026-03-02');
  });

  it('refuses yesterday (Beijing) as a valid-until date at 01:30 Beijing time', () => {
    expect(service.validUntilIssue('2026-03-01', now)).toBe('dateInPast');
    expect(service.validUntilIssue('2026-03-02', now)).toBeNull();
  });

  it('expires what ended yesterday (Beijing) at 01:30 Beijing time', async () => {
    await service.runExpiry(now);
    const expire = queries.find((q) => q.sql.includes(`SET status = 'EXPIRED'`));
    expect(expire?.params).toEqual(['2026-03-02']);
  });
});
