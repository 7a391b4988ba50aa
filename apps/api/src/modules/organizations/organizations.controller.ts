import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiPath, Permission } from '@xkx/contracts';
import type { Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { Meta, RequestMeta } from '../../common/http/request-meta';
import { ListOrganizationsQueryDto } from './dto/list-organizations-query.dto';
import { OrganizationDetailDto, OrganizationListResponseDto, OrganizationResponseDto } from './dto/organization-response.dto';
import { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organization-write.dto';
import { OrganizationsService } from './organizations.service';
import { organizationTemplate } from './organization-import';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

  /** The sheet `npm run orgs:import` reads, for an administrator to fill in and hand to the operator. Before :id. */
  @Get('import-template')
  @Authenticated(Permission.ORGANIZATION_MANAGE)
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The Chinese .xlsx template of npm run orgs:import', schema: { type: 'string', format: 'binary' } })
  async importTemplate(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="organizations-template.xlsx"; filename*=UTF-8''${encodeURIComponent('机构导入模板.xlsx')}`);
    res.send(await organizationTemplate());
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
