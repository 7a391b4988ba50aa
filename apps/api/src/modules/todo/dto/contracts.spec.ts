import { readFileSync } from 'node:fs';
import type { TodoItem, TodoList, TodoSection } from '@xkx/contracts';
import { exact, uncheckedContracts } from '../../../common/contracts/contract-check';
import type { TodoItemDto, TodoListDto, TodoSectionDto } from './todo.dto';

// Each DTO is the same shape as its contract (the typecheck target compiles this file; see contract-check.ts).
exact<TodoItemDto, TodoItem>(true);
exact<TodoSectionDto, TodoSection>(true);
exact<TodoListDto, TodoList>(true);

describe('todo/dto DTOs and their contracts', () => {
  it('checks every DTO that implements a contract', () => {
    expect(uncheckedContracts(__dirname, readFileSync(__filename, 'utf8'))).toEqual([]);
  });
});
