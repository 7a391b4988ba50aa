import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Locale, Permission, UserStatus, VerificationDecision } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { applyEach } from '../../common/bulk/apply-each';
import { BulkResultDto, RequestLocale } from '../../common/bulk/bulk.dto';
import { DomainException } from '../../common/exceptions/domain.exception';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { Meta, RequestMeta } from '../../common/http/request-meta';
import { BulkVerifyDto, ChangeRoleDto, ChangeStatusDto, CreateUserDto, InviteUserDto, ListUsersQueryDto, RejectUserDto, UserListResponseDto, UserResponseDto } from './dto/users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated(Permission.USER_READ)
  @ApiOkResponse({ type: UserListResponseDto })
  async list(@Query() query: ListUsersQueryDto): Promise<UserListResponseDto> {
    const { items, total } = await this.users.list(query);
    return { items: items.map((u) => UserResponseDto.from(u)), total };
  }

  /** Pending accounts, oldest first: the brokers' verification queue. */
  @Get('verification-queue')
  @Authenticated(Permission.USER_VERIFY)
  @ApiOkResponse({ type: UserListResponseDto })
  async queue(@Query() page: PageQueryDto): Promise<UserListResponseDto> {
    const query = Object.assign(new ListUsersQueryDto(), { status: UserStatus.PENDING, limit: page.limit, offset: page.offset });
    const { items, total } = await this.users.list(query);
    return { items: items.map((u) => UserResponseDto.from(u)), total };
  }

  /** The verification queue's bulk action: each account through the same verify / reject as its own route. */
  @Post('bulk-verify')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.USER_VERIFY)
  @ApiOkResponse({ type: BulkResultDto, description: 'Per account: ok, or the error its single action would answer' })
  async bulkVerify(@Body() dto: BulkVerifyDto, @CurrentUser() actor: AuthUser, @Meta() meta: RequestMeta, @RequestLocale() locale: Locale): Promise<BulkResultDto> {
    const reason = dto.reason?.trim() ?? '';
    if (dto.decision === VerificationDecision.REJECT && reason.length < 2) {
      throw DomainException.validation([{ field: 'reason', constraint: reason ? 'minLength' : 'isNotEmpty', args: reason ? [2] : [] }]);
    }
    return applyEach(dto.items, locale, async (item) => {
      if (dto.decision === VerificationDecision.VERIFY) await this.users.verify(item.id, actor, meta);
      else await this.users.reject(item.id, reason, actor, meta);
      return { version: null };
    });
  }

  @Post()
  @Authenticated(Permission.USER_MANAGE)
  @ApiCreatedResponse({ type: UserResponseDto, description: 'Creates an active account (brokers, admins, or anyone an admin vouches for)' })
  async create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser, @Meta() meta: RequestMeta): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.create(dto, actor, meta));
  }

  /** Brokers of a tech-transfer center (or anyone else): invited by e-mail, they set their own password. */
  @Post('invitations')
  @Authenticated(Permission.USER_MANAGE)
  @ApiCreatedResponse({ type: UserResponseDto, description: 'Opens an active account and mails a set-password link (valid 7 days)' })
  async invite(@Body() dto: InviteUserDto, @CurrentUser() actor: AuthUser, @Meta() meta: RequestMeta): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.invite(dto, actor, meta));
  }

  @Get(':id')
  @Authenticated(Permission.USER_READ)
  @ApiOkResponse({ type: UserResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.get(id));
  }

  @Post(':id/verify')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.USER_VERIFY)
  @ApiOkResponse({ type: UserResponseDto })
  async verify(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: AuthUser, @Meta() meta: RequestMeta): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.verify(id, actor, meta));
  }

  @Post(':id/reject')
  @HttpCode(HttpStatus.OK)
  @Authenticated(Permission.USER_VERIFY)
  @ApiOkResponse({ type: UserResponseDto })
  async reject(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectUserDto, @CurrentUser() actor: AuthUser, @Meta() meta: RequestMeta): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.reject(id, dto.reason, actor, meta));
  }

  @Patch(':id/status')
  @Authenticated(Permission.USER_MANAGE)
  @ApiOkResponse({ type: UserResponseDto })
  async changeStatus(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeStatusDto, @CurrentUser() actor: AuthUser, @Meta() meta: RequestMeta): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.changeStatus(id, dto.status, dto.reason, actor, meta));
  }

  @Patch(':id/role')
  @Authenticated(Permission.USER_MANAGE)
  @ApiOkResponse({ type: UserResponseDto })
  async changeRole(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeRoleDto, @CurrentUser() actor: AuthUser, @Meta() meta: RequestMeta): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.users.changeRole(id, dto.role, actor, meta));
  }
}
