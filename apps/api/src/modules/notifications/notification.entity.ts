import { NotificationKind } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification for one user. */
@Entity({ name: 'notification' })
@Index('ix_notification_user_created_at', ['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** The English title; null on notifications written before it was kept. */
  @Column({ name: 'title_en', type: 'varchar', length: 300, nullable: true })
  titleEn!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'deal_id', type: 'uuid', nullable: true })
  dealId!: string | null;

  /** Where the news is acted on in the web app, when it is not a deal (listings, the to-do list). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link!: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
