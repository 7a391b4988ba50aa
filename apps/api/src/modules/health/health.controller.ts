import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiPath } from '@xkx/contracts';
import type { Response } from 'express';
import { Public } from '../../common/decorators/public.decorator';
import { HealthResponseDto, LivenessResponseDto, ReadinessResponseDto } from './dto/health-response.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller(ApiPath.health)
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthResponseDto, description: 'The API and its database answer; `feed` says how far behind the change feed this instance is.' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'The database does not answer.' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponseDto> {
    const [databaseUp, feed] = await Promise.all([this.health.databaseUp(), this.health.feedFreshness()]);
    res.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    res.setHeader('Cache-Control', 'no-store');
    return { status: databaseUp ? 'ok' : 'error', database: databaseUp ? 'up' : 'down', ...(databaseUp && feed ? { feed } : {}) };
  }

  /** Liveness: the process answers. Restart it when this fails; nothing else is checked. */
  @Public()
  @Get('live')
  @ApiOkResponse({ type: LivenessResponseDto, description: 'The process answers.' })
  live(@Res({ passthrough: true }) res: Response): LivenessResponseDto {
    res.setHeader('Cache-Control', 'no-store');
    return { status: 'ok' };
  }

  /** Readiness: route traffic here only on 200 (database, migrations, matching index, queue, not draining). */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadinessResponseDto, description: 'Ready to serve.' })
  @ApiServiceUnavailableResponse({ type: ReadinessResponseDto, description: 'Not ready; the fields say what is missing.' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessResponseDto> {
    const readiness = await this.health.readiness();
    res.status(readiness.status === 'ready' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    res.setHeader('Cache-Control', 'no-store');
    return readiness;
  }
}
