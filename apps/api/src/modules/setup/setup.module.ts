import { Module } from '@nestjs/common';
import { AuditModule } from '@xkx/api/modules/audit/audit.module';
import { AuthModule } from '@xkx/api/modules/auth/auth.module';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

@Module({ imports: [AuthModule, AuditModule], controllers: [SetupController], providers: [SetupService] })
export class SetupModule {}
