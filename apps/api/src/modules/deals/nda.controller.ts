import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { ConfidentialViewDto, ConfidentialViewsQueryDto, CreateNdaVersionDto, NdaVersionDto } from './dto/collaboration.dto';
import { NdaService } from './nda.service';

/** The NDA text is reference data (admin-editable, like the field tree: taxonomy:manage). */
@ApiTags('nda')
@Controller('nda')
export class NdaController {
  constructor(private readonly nda: NdaService) {}

  @Get('current')
  @Authenticated(null)
  @ApiOkResponse({ type: NdaVersionDto, description: 'The text parties accept now' })
  current(): Promise<NdaVersionDto> {
    return this.nda.current();
  }

  @Get('versions')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiOkResponse({ type: [NdaVersionDto] })
  versions(): Promise<NdaVersionDto[]> {
    return this.nda.versions();
  }

  @Post('versions')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiCreatedResponse({ type: NdaVersionDto, description: 'A new version; acceptances from now on must name it' })
  publish(@Body() dto: CreateNdaVersionDto, @CurrentUser() user: AuthUser): Promise<NdaVersionDto> {
    return this.nda.publish(dto, user);
  }

  @Get('views')
  @Authenticated(null)
  @ApiOkResponse({ type: [ConfidentialViewDto], description: 'Who saw the listing’s confidential layer (for its owner, its enterprise’s staff and brokers)' })
  views(@Query() query: ConfidentialViewsQueryDto, @CurrentUser() user: AuthUser): Promise<ConfidentialViewDto[]> {
    return this.nda.views(query.kind, query.listingId, user);
  }
}
