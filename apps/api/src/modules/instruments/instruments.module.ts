import { Module } from '@nestjs/common';
import { DealsModule } from '@xkx/api/modules/deals/deals.module';
import { NotificationsModule } from '@xkx/api/modules/notifications/notifications.module';
import { InstrumentRequestsController, InstrumentsController } from './instruments.controller';
import { InstrumentsService } from './instruments.service';

/** Shared instruments of laboratories and the requests to use them (issue 16); a paid use opens a deal. */
@Module({
  imports: [DealsModule, NotificationsModule],
  controllers: [InstrumentsController, InstrumentRequestsController],
  providers: [InstrumentsService],
})
export class InstrumentsModule {}
