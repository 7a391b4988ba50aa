import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPath } from '@xkx/contracts';
import { Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ListOrganizationsQueryDto } from './dto/list-organizations-query.dto';
import { OrganizationListResponseDto, OrganizationResponseDto } from './dto/organization-response.dto';
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
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OrganizationResponseDto> {
    return OrganizationResponseDto.from(await this.organizations.get(id));
  }
}
