import { Module } from '@nestjs/common';
import { NotificationsModule } from '@xkx/api/modules/notifications/notifications.module';
import { DealAccessService } from './deal-access.service';
import { DealClosureController } from './deal-closure.controller';
import { DealClosureJob } from './deal-closure.job';
import { DealClosureService } from './deal-closure.service';
import { DealCollaborationService } from './deal-collaboration.service';
import { DealExportService } from './deal-export.service';
import { DealQueriesService } from './deal-queries.service';
import { DealTransitionsService } from './deal-transitions.service';
import { DealsController } from './deals.controller';
import { DealsService } from './deals.service';
import { IntroductionsController } from './introductions.controller';
import { IntroductionsService } from './introductions.service';
import { NdaController } from './nda.controller';
import { NdaService } from './nda.service';
import { PublicNoticesController } from './public-notices.controller';
import { PublicNoticesService } from './public-notices.service';
import { PublicNoticeObjectionsService } from './public-notice-objections.service';

/**
 * Introductions, deals, NDA, messages, offers and public notices. The confidential-access grant the
 * listings module asks is answered from these tables by DealConfidentialGrants (deal-confidential-grants.ts),
 * provided through ConfidentialAccessModule, so the listings module does not import this one.
 */
@Module({
  imports: [NotificationsModule],
  controllers: [DealsController, DealClosureController, IntroductionsController, NdaController, PublicNoticesController],
  providers: [DealAccessService, DealsService, DealQueriesService, DealTransitionsService, DealCollaborationService, NdaService, PublicNoticesService, PublicNoticeObjectionsService, IntroductionsService, DealClosureService, DealClosureJob, DealExportService],
  exports: [DealAccessService, DealsService, DealTransitionsService, IntroductionsService],
})
export class DealsModule {}
