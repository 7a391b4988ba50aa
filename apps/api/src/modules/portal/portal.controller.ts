import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPath } from '@xkx/contracts';
import { Public } from '../../common/decorators/public.decorator';
import { HomePageDto, SiteInfoDto } from './dto/portal-response.dto';
import { PortalService } from './portal.service';

/** The public portal's own pages: the home page's data in one request, and the site's footer. */
@ApiTags('portal')
@Controller()
export class PortalController {
  constructor(private readonly portal: PortalService) {}

  /** Public data only, the same for everyone: shared caches may keep it a minute. */
  @Public()
  @Get(ApiPath.home)
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOkResponse({ type: HomePageDto })
  home(): Promise<HomePageDto> {
    return this.portal.home();
  }

  /** Read from the environment at start; it changes only with a restart. */
  @Public()
  @Get(ApiPath.site)
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOkResponse({ type: SiteInfoDto })
  site(): SiteInfoDto {
    return this.portal.site();
  }
}
