import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { Authenticated } from '../../common/decorators/public.decorator';
import { BackgroundJobQueryDto } from './dto/background-job-query.dto';
import { BackgroundJobListResponseDto, BackgroundJobResponseDto } from './dto/background-job-response.dto';
import { JobsService } from './jobs.service';

/** Background jobs for administrators: what is queued, running, completed and failed (with why), and a retry. */
@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Authenticated(Permission.JOB_MANAGE)
  @ApiOkResponse({ type: BackgroundJobListResponseDto })
  async list(@Query() query: BackgroundJobQueryDto): Promise<BackgroundJobListResponseDto> {
    const { items, total } = await this.jobs.list(query.state, query.limit, query.offset);
    return { items: items.map((j) => BackgroundJobResponseDto.from(j)), total, runner: this.jobs.runnerKind };
  }

  @Get(':id')
  @Authenticated(Permission.JOB_MANAGE)
  @ApiOkResponse({ type: BackgroundJobResponseDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<BackgroundJobResponseDto> {
    return BackgroundJobResponseDto.from(await this.jobs.get(id));
  }

  /** A FAILED job runs again with fresh attempts (409 for a job in any other state). */
  @Post(':id/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @Authenticated(Permission.JOB_MANAGE)
  @ApiOkResponse({ type: BackgroundJobResponseDto })
  async retry(@Param('id', ParseUUIDPipe) id: string): Promise<BackgroundJobResponseDto> {
    return BackgroundJobResponseDto.from(await this.jobs.retry(id));
  }
}
