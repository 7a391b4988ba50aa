import { NARROWER_RANK_FACTOR, RANK_WEIGHTS, SearchTextService } from '@xkx/api/modules/search/search-text.service';

/** A parameterised WHERE being built: `p(value)` adds a parameter and returns its placeholder. */
export class SqlWhere {
  readonly params: unknown[] = [];
  readonly parts: string[] = [];

  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): void {
    this.parts.push(condition);
  }

  get sql(): string {
    return this.parts.length ? this.parts.join(' AND ') : 'true';
  }
}

/**
 * The text condition and rank of a directory query over a table with a `search_doc` (alias `alias`), through the
 * listings' pipeline: the analyzer's tsquery with its bigram fallback, narrower terms at a discount.
 */
export function textSearch(text: SearchTextService, where: SqlWhere, alias: string, q: string | undefined): string | null {
  const query = q?.trim() ?? '';
  if (!query) return null;
  const tsq = text.tsQuery(query);
  if (!tsq) {
    where.add('false');
    return null;
  }
  const narrower = text.narrowerTsQuery(query);
  const tsParam = where.p(tsq);
  const narrowerParam = narrower ? where.p(narrower) : '';
  const match = narrower ? `(to_tsquery('simple', ${tsParam}) || to_tsquery('simple', ${narrowerParam}))` : `to_tsquery('simple', ${tsParam})`;
  where.add(`${alias}.search_doc @@ ${match}`);
  const rankOf = (param: string): string => `ts_rank_cd('${RANK_WEIGHTS}'::float4[], ${alias}.search_doc, to_tsquery('simple', ${param}), 1)`;
  return `(${rankOf(tsParam)}${narrowerParam ? ` + ${NARROWER_RANK_FACTOR} * ${rankOf(narrowerParam)}` : ''})`;
}
