import { Module } from '@nestjs/common';
import { MatchingModule } from '@xkx/api/modules/matching/matching.module';
import { NotificationsModule } from '@xkx/api/modules/notifications/notifications.module';
import { TodoDigestJob } from './todo-digest.job';
import { TodoDigestService } from './todo-digest.service';
import { TodoController } from './todo.controller';
import { TodoService } from './todo.service';

/** The to-do list (GET /api/me/todo) and the reminders built on it (issue 17). */
@Module({
  imports: [NotificationsModule, MatchingModule],
  controllers: [TodoController],
  providers: [TodoService, TodoDigestService, TodoDigestJob],
})
export class TodoModule {}
