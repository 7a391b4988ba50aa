import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'PENDING' | 'SENT' | 'FAILED';

/** A file sent with a mail, stored with it (base64) so what is sent is what was produced then. */
export interface OutboxAttachment {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

/** Outgoing mail is written here in the same transaction as the change that causes it. */
@Entity({ name: 'outbox_mail' })
@Index('ix_outbox_mail_status_created_at', ['status', 'createdAt'])
export class OutboxMailEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 10, default: 'PENDING' })
  status!: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /**
   * Set when a dispatcher claims the row (FOR UPDATE SKIP LOCKED) and sends it: no other dispatcher picks
   * it until then; a dispatcher that died mid-send leaves it to be picked again after this time.
   */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  /** Not read by default: the outbox list does not carry the bytes; the dispatcher reads them. */
  @Column({ type: 'jsonb', nullable: true, select: false })
  attachments?: OutboxAttachment[] | null;
}
