import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@xkx/api/modules/users/user.entity';

/**
 * A user's reminder settings and when the digests last went out. No row means the defaults
 * (DEFAULT_NOTIFICATION_PREFERENCES); the digest job writes a row the first time it handles a user.
 */
@Entity({ name: 'notification_preference' })
@Check('ck_notification_preference_digest_hour', '"digest_hour" BETWEEN 0 AND 23')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_preference_user' })
  user?: UserEntity;

  @Column({ name: 'digest_mail', type: 'boolean', default: true })
  digestMail!: boolean;

  /** China time (Asia/Shanghai). */
  @Column({ name: 'digest_hour', type: 'smallint', default: 8 })
  digestHour!: number;

  @Column({ name: 'weekly_matches', type: 'boolean', default: false })
  weeklyMatches!: boolean;

  /** The China date of the last daily digest pass for this user: at most one a day. */
  @Column({ name: 'last_digest_on', type: 'date', nullable: true })
  lastDigestOn!: string | null;

  /** The China date of the Monday of the last weekly match digest: at most one a week. */
  @Column({ name: 'last_weekly_on', type: 'date', nullable: true })
  lastWeeklyOn!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
