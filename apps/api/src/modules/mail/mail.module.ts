import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailService } from './mail.service';
import { OutboxController } from './outbox.controller';
import { OutboxMailEntity } from './outbox-mail.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMailEntity])],
  controllers: [OutboxController],
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
