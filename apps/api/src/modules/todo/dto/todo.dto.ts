import { ApiProperty } from '@nestjs/swagger';
import { TodoItem, TodoList, TodoSection, TodoSectionKey, TodoSubject } from '@xkx/contracts';

export class TodoItemDto implements TodoItem {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: Object.values(TodoSubject) }) subject!: TodoSubject;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) dealId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Deal or listing code' }) code!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Next action, requester, objector, organization or reviewer’s note' }) detail!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-04' }) dueOn!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Waiting since' }) since!: string | null;
  @ApiProperty({ description: 'Past its date or waiting longer than 7 days' }) overdue!: boolean;
}

export class TodoSectionDto implements TodoSection {
  @ApiProperty({ enum: Object.values(TodoSectionKey) }) key!: TodoSectionKey;
  @ApiProperty({ description: 'All items of the section' }) count!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ type: [TodoItemDto], description: 'Overdue first, at most 10' }) items!: TodoItemDto[];
}

export class TodoListDto implements TodoList {
  @ApiProperty({ description: 'Sum of the sections’ counts' }) total!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ type: [TodoSectionDto], description: 'The caller’s sections (by permission), empty ones included' }) sections!: TodoSectionDto[];
  @ApiProperty({ example: '2026-12-04', description: 'Today in China (Asia/Shanghai)' }) today!: string;
}
