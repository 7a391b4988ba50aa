import { Module } from '@nestjs/common';
import { MatchingModule } from '@xkx/api/modules/matching/matching.module';
import { MetricsService } from './metrics.service';

@Module({ imports: [MatchingModule], providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
