import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { TodoListDto } from './dto/todo.dto';
import { TodoService } from './todo.service';

@ApiTags('todo')
@Controller('me/todo')
export class TodoController {
  constructor(private readonly todo: TodoService) {}

  /** Sections follow the caller's permissions, so any signed-in account may ask (a pending one gets its drafts' sections). */
  @Get()
  @Authenticated(null)
  @ApiOkResponse({ type: TodoListDto, description: 'What needs the caller now, by section, with counts' })
  get(@CurrentUser() user: AuthUser): Promise<TodoListDto> {
    return this.todo.forUser(user);
  }
}
