import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPath, Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ExpertDetailDto, ExpertListDto, ExpertMatchListDto, LaboratoryMatchListDto } from './dto/expert-response.dto';
import { CreateExpertDto, UpdateExpertDto } from './dto/expert-write.dto';
import { ListExpertsQueryDto } from './dto/list-queries.dto';
import { ExpertsService } from './experts.service';
import { PeopleMatchingService } from './people-matching.service';

@ApiTags('experts')
@Controller()
export class ExpertsController {
  constructor(
    private readonly experts: ExpertsService,
    private readonly matching: PeopleMatchingService,
  ) {}

  @Public()
  @Get(ApiPath.experts)
  @ApiOkResponse({ type: ExpertListDto })
  list(@Query() query: ListExpertsQueryDto, @CurrentUser() user: AuthUser | undefined): Promise<ExpertListDto> {
    return this.experts.list(query, user);
  }

  /** The caller's own profile (404 until they create one). Before :id. */
  @Get(`${ApiPath.experts}/me`)
  @Authenticated(Permission.EXPERT_WRITE)
  @ApiOkResponse({ type: ExpertDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  mine(@CurrentUser() user: AuthUser): Promise<ExpertDetailDto> {
    return this.experts.mine(user);
  }

  @Public()
  @Get(`${ApiPath.experts}/:id`)
  @ApiOkResponse({ type: ExpertDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser | undefined): Promise<ExpertDetailDto> {
    return this.experts.get(id, user);
  }

  /** A researcher creates their own profile (verified by a broker later); a broker creates any (verified). */
  @Post(ApiPath.experts)
  @Authenticated(Permission.EXPERT_WRITE)
  @ApiCreatedResponse({ type: ExpertDetailDto })
  create(@Body() dto: CreateExpertDto, @CurrentUser() user: AuthUser): Promise<ExpertDetailDto> {
    return this.experts.create(dto, user);
  }

  @Patch(`${ApiPath.experts}/:id`)
  @Authenticated(Permission.EXPERT_WRITE)
  @ApiOkResponse({ type: ExpertDetailDto })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateExpertDto, @CurrentUser() user: AuthUser): Promise<ExpertDetailDto> {
    return this.experts.update(id, dto, user);
  }

  @Post(`${ApiPath.experts}/:id/verify`)
  @Authenticated(Permission.EXPERT_VERIFY)
  @ApiCreatedResponse({ type: ExpertDetailDto })
  verify(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ExpertDetailDto> {
    return this.experts.verify(id, user);
  }

  /** The need's experts tab: ranked and explained like its result matches. */
  @Get('needs/:id/expert-matches')
  @Authenticated(Permission.MATCH_READ)
  @ApiOkResponse({ type: ExpertMatchListDto })
  expertMatches(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ExpertMatchListDto> {
    return this.matching.expertsFor(id, user);
  }

  /** The need's laboratories tab. */
  @Get('needs/:id/laboratory-matches')
  @Authenticated(Permission.MATCH_READ)
  @ApiOkResponse({ type: LaboratoryMatchListDto })
  laboratoryMatches(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<LaboratoryMatchListDto> {
    return this.matching.laboratoriesFor(id, user);
  }
}
