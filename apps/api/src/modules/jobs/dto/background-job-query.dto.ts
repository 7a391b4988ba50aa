import { ApiPropertyOptional } from '@nestjs/swagger';
import { BackgroundJobQuery, JOB_STATES, JobState } from '@xkx/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PageLimit, PageOffset } from '../../../common/http/page-query.dto';

export class BackgroundJobQueryDto implements BackgroundJobQuery {
  @ApiPropertyOptional({ enum: JOB_STATES })
  @IsOptional()
  @IsIn(JOB_STATES)
  state?: JobState;

  @PageLimit(50, 200) limit = 50;
  @PageOffset() offset = 0;
}
