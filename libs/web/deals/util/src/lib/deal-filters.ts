import { DealBoardQuery, DealListSort } from '@xkx/contracts';

/** The broker board's filters as the page holds them: those of GET /api/deals/board, null for "all". */
export type BoardFilter = { [K in keyof Required<DealBoardQuery>]: string | null };

/** The list view's filters: the board's, words in the title or code, and the next-action order (null: overdue first). */
export interface DealListFilter extends BoardFilter {
  q: string | null;
  sort: DealListSort | null;
}
