import { PageEvent } from '@angular/material/paginator';

export interface Paging {
  limit: number;
  offset: number;
}

export const FIRST_PAGE: Paging = { limit: 20, offset: 0 };

export function pagingFrom(event: PageEvent): Paging {
  return { limit: event.pageSize, offset: event.pageIndex * event.pageSize };
}
