import { ApiProperty } from '@nestjs/swagger';
import { OutboxList, OutboxMail, OutboxStatus } from '@xkx/contracts';
import { OutboxMailEntity } from '../outbox-mail.entity';

export class OutboxMailResponseDto implements OutboxMail {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: ['PENDING', 'SENT', 'FAILED'] }) status!: OutboxStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;

  static from(e: OutboxMailEntity): OutboxMailResponseDto {
    return Object.assign(new OutboxMailResponseDto(), {
      id: e.id,
      createdAt: e.createdAt.toISOString(),
      to: e.toAddress,
      subject: e.subject,
      body: e.body,
      status: e.status,
      attempts: e.attempts,
      sentAt: e.sentAt?.toISOString() ?? null,
    });
  }
}

export class OutboxListResponseDto implements OutboxList {
  @ApiProperty({ type: [OutboxMailResponseDto] }) items!: OutboxMailResponseDto[];
  @ApiProperty() total!: number;
}

