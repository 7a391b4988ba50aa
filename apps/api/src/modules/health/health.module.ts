import { Module } from '@nestjs/common';
import { MatchingModule } from '@xkx/api/modules/matching/matching.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [MatchingModule], controllers: [HealthController], providers: [HealthService], exports: [HealthService] })
export class HealthModule {}
