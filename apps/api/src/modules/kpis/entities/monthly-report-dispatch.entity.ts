import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per month whose report went to the admins. The primary key is the claim: the instance whose
 * insert wins sends, in the same transaction, so two instances never mail the same month twice.
 */
@Entity({ name: 'monthly_report_dispatch' })
export class MonthlyReportDispatchEntity {
  /** YYYY-MM, the month reported on. */
  @PrimaryColumn({ type: 'char', length: 7 })
  month!: string;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  @Column({ type: 'integer', default: 0 })
  recipients!: number;
}
