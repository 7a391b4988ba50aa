import { TodoItem, TodoSectionKey } from '@xkx/contracts';
import { todoLink } from './todo-links';

const item = (fields: Partial<TodoItem>): TodoItem => ({ id: 'i1', subject: 'DEAL', subjectId: 's1', dealId: null, code: null, title: 't', detail: null, dueOn: null, ...fields }) as TodoItem;

describe('todoLink', () => {
  it('opens deal work on the deal page by its code, by its id when a row has no code, on the workspace without a deal', () => {
    for (const key of ['OVERDUE_ACTIONS', 'NOTICES_ENDING', 'CONTRACTS_TO_REGISTER', 'NDAS_TO_SIGN'] as const) {
      expect(todoLink(key, item({ dealId: 'd1', code: 'D2026-000004' }))).toEqual(['/', 'deals', 'D2026-000004']);
      expect(todoLink(key, item({ dealId: 'd1' }))).toEqual(['/', 'deals', 'd1']);
      expect(todoLink(key, item({}))).toEqual(['/', 'workspace']);
    }
  });

  it('sends a listing with changes requested to its edit form, by kind', () => {
    expect(todoLink('LISTINGS_CHANGES_REQUESTED', item({ subject: 'NEED', subjectId: 'n1' }))).toEqual(['/', 'workspace', 'needs', 'n1', 'edit']);
    expect(todoLink('LISTINGS_CHANGES_REQUESTED', item({ subject: 'RESULT', subjectId: 'r1' }))).toEqual(['/', 'workspace', 'results', 'r1', 'edit']);
  });

  it('sends the queues to their pages', () => {
    expect(todoLink('LISTINGS_TO_REVIEW', item({}))).toEqual(['/', 'manage/review']);
    expect(todoLink('ACCOUNTS_TO_VERIFY', item({}))).toEqual(['/', 'manage/verification']);
    expect(todoLink('LISTINGS_EXPIRING', item({}))).toEqual(['/', 'workspace/listings']);
    expect(todoLink('INTRODUCTIONS_TO_ANSWER', item({}))).toEqual(['/', 'workspace/deals']);
  });

  it('has a link for every section', () => {
    for (const key of Object.values(TodoSectionKey)) expect(todoLink(key, item({ dealId: 'd1' }))[0]).toBe('/');
  });
});
