import { ApiProperty } from '@nestjs/swagger';
import { BackgroundJob, BackgroundJobList, JOB_STATES, JobRunner, JobState } from '@xkx/contracts';
import { BackgroundJobEntity } from '../background-job.entity';

export class BackgroundJobResponseDto implements BackgroundJob {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: JOB_STATES }) state!: JobState;
  @ApiProperty() scheduled!: boolean;
  @ApiProperty() attempts!: number;
  @ApiProperty() maxAttempts!: number;
  @ApiProperty({ type: String, nullable: true }) failure!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) runAfter!: string;

  /** The payload stays out: it may carry a broker's rows or an account's details. */
  static from(e: BackgroundJobEntity): BackgroundJobResponseDto {
    return Object.assign(new BackgroundJobResponseDto(), {
      id: e.id,
      name: e.name,
      state: e.state,
      scheduled: e.scheduled,
      attempts: e.attempts,
      maxAttempts: e.maxAttempts,
      failure: e.failure,
      createdAt: e.createdAt.toISOString(),
      startedAt: e.startedAt?.toISOString() ?? null,
      finishedAt: e.finishedAt?.toISOString() ?? null,
      runAfter: e.runAfter.toISOString(),
    });
  }
}

export class BackgroundJobListResponseDto implements BackgroundJobList {
  @ApiProperty({ type: [BackgroundJobResponseDto] }) items!: BackgroundJobResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ enum: ['bullmq', 'in-process'] }) runner!: JobRunner;
}
