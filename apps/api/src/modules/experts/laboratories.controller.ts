import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPath, Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { LaboratoryDetailDto, LaboratoryListDto } from './dto/expert-response.dto';
import { CreateLaboratoryDto, UpdateLaboratoryDto } from './dto/laboratory-write.dto';
import { ListLaboratoriesQueryDto } from './dto/list-queries.dto';
import { LaboratoriesService } from './laboratories.service';

@ApiTags('laboratories')
@Controller(ApiPath.laboratories)
export class LaboratoriesController {
  constructor(private readonly laboratories: LaboratoriesService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: LaboratoryListDto })
  list(@Query() query: ListLaboratoriesQueryDto): Promise<LaboratoryListDto> {
    return this.laboratories.list(query);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: LaboratoryDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser | undefined): Promise<LaboratoryDetailDto> {
    return this.laboratories.get(id, user);
  }

  @Post()
  @Authenticated(Permission.LABORATORY_MANAGE)
  @ApiCreatedResponse({ type: LaboratoryDetailDto })
  create(@Body() dto: CreateLaboratoryDto, @CurrentUser() user: AuthUser): Promise<LaboratoryDetailDto> {
    return this.laboratories.create(dto, user);
  }

  @Patch(':id')
  @Authenticated(Permission.LABORATORY_MANAGE)
  @ApiOkResponse({ type: LaboratoryDetailDto })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateLaboratoryDto, @CurrentUser() user: AuthUser): Promise<LaboratoryDetailDto> {
    return this.laboratories.update(id, dto, user);
  }
}
