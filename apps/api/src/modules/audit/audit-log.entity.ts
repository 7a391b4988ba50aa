import { AuditAction } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Security events: who did what to whom, when, from which address. Append-only. */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_created_at', ['createdAt'])
@Index('ix_audit_log_action_created_at', ['action', 'createdAt'])
@Index('ix_audit_log_actor', ['actorId'])
@Index('ix_audit_log_subject', ['subjectId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 40 })
  action!: AuditAction;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The email as typed, for failed sign-ins of unknown accounts. */
  @Column({ name: 'actor_email', type: 'varchar', length: 254, nullable: true })
  actorEmail!: string | null;

  @Column({ name: 'subject_type', type: 'varchar', length: 40, nullable: true })
  subjectType!: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
