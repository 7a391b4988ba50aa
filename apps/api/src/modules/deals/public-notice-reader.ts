import { EntityManager } from 'typeorm';

/** A public notice (公示) running today, as the public portal lists it. */
export interface RunningNotice {
  id: string;
  title: string;
  institutionName: string;
  intendedPriceFen: number;
  startsOn: string;
  endsOn: string;
}

/**
 * What other modules may read of the deals' public notices (the deals module owns the table): the notices
 * running on `today` (not withdrawn), those ending first first, at most `limit`, and how many run in all.
 * One statement.
 */
export async function runningNotices(manager: EntityManager, today: string, limit: number): Promise<{ items: RunningNotice[]; total: number }> {
  const rows = await manager.query<Array<{ id: string; title: string; institution_name: string; intended_price_fen: string; starts_on: string; ends_on: string; total: number }>>(
    `SELECT id, title, institution_name, intended_price_fen::text, starts_on::text, ends_on::text, count(*) OVER ()::int AS total
       FROM public_notice WHERE withdrawn_at IS NULL AND starts_on <= $1::date AND ends_on >= $1::date
       ORDER BY ends_on, starts_on, id LIMIT $2`,
    [today, limit],
  );
  return {
    items: rows.map((n) => ({ id: n.id, title: n.title, institutionName: n.institution_name, intendedPriceFen: Number(n.intended_price_fen), startsOn: n.starts_on, endsOn: n.ends_on })),
    total: rows[0]?.total ?? 0,
  };
}
