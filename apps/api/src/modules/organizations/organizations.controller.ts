import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPath, Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { Meta, RequestMeta } from '../../common/http/request-meta';
import { ListOrganizationsQueryDto } from './dto/list-organizations-query.dto';
import { OrganizationDetailDto, OrganizationListResponseDto, OrganizationResponseDto } from './dto/organization-response.dto';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organization-write.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller(ApiPath.organizations)
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: OrganizationListResponseDto })
  async list(@Query() query: ListOrganizationsQueryDto): Promise<OrganizationListResponseDto> {
    const { items, total } = await this.organizations.list(query);
    return { items: items.map((o) => OrganizationResponseDto.from(o)), total };
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: OrganizationDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrganizationDetailDto> {
    return OrganizationDetailDto.detail(await this.organizations.get(id));
  }

  @Post()
  @Authenticated(Permission.ORGANIZATION_MANAGE)
  @ApiCreatedResponse({ type: OrganizationDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Credit code already used' })
  async create(@Body() dto: CreateOrganizationDto, @CurrentUser() actor: AuthUser, @Meta() meta: RequestMeta): Promise<OrganizationDetailDto> {
    return OrganizationDetailDto.detail(await this.organizations.create(dto, actor, meta));
  }

  @Patch(':id')
  @Authenticated(Permission.ORGANIZATION_MANAGE)
  @ApiOkResponse({ type: OrganizationDetailDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version (VERSION_CONFLICT, with currentVersion) or credit code taken' })
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateOrganizationDto, @CurrentUser() actor: AuthUser, @Meta() meta: RequestMeta): Promise<OrganizationDetailDto> {
    return OrganizationDetailDto.detail(await this.organizations.update(id, dto, actor, meta));
  }
}
