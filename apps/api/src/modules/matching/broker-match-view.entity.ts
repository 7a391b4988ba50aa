import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When a broker last looked at their opportunities list ("new since you last looked"). */
@Entity({ name: 'broker_match_view' })
export class BrokerMatchViewEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;
}
