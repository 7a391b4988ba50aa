import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { requestContextMiddleware } from '../../common/http/request-context';
import { AuditLogEntity } from './audit-log.entity';
import { AuditPresenterService } from './audit-presenter.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The audit trail: global, so any module records with `AuditService.record`. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntity])],
  controllers: [AuditController],
  providers: [AuditService, AuditPresenterService],
  exports: [AuditService, AuditPresenterService],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Lets AuditService find the caller and address of the request it is recorded in.
    consumer.apply(requestContextMiddleware).forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}
