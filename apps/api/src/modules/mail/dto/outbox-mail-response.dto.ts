import { ApiProperty } from '@nestjs/swagger';
import { OutboxMailEntity } from '../outbox-mail.entity';

export class OutboxMailResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: ['PENDING', 'SENT', 'FAILED'] }) status!: string;
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

export class OutboxListResponseDto {
  @ApiProperty({ type: [OutboxMailResponseDto] }) items!: OutboxMailResponseDto[];
  @ApiProperty() total!: number;
}

