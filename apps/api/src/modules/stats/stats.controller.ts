import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiPath } from '@xkx/contracts';
import { Public } from '../../common/decorators/public.decorator';
import { OverviewResponseDto } from './dto/overview-response.dto';
import { StatsService } from './stats.service';

@ApiTags('stats')
@Controller()
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  /** Live figures for the public landing page, counted from the records. */
  @Public()
  @Get(ApiPath.overview)
  @ApiOkResponse({ type: OverviewResponseDto })
  overview(): Promise<OverviewResponseDto> {
    return this.stats.overview();
  }
}
