import { Module } from '@nestjs/common';
import { ListingsModule } from '@xkx/api/modules/listings/listings.module';
import { PortalController } from './portal.controller';
import { PortalService } from './portal.service';

@Module({ imports: [ListingsModule], controllers: [PortalController], providers: [PortalService] })
export class PortalModule {}
