import { AuditAction } from '@xkx/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit trail: who did what to which entity, when, from which address, with before → after values
 * in details.changes. Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE (migration AuditLogAppendOnly).
 */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_subject_type_id', ['subjectType', 'subjectId', 'createdAt'])
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

  /** How people know the entity (a deal's code and title), kept as it was at the time. */
  @Column({ name: 'subject_label', type: 'varchar', length: 300, nullable: true })
  subjectLabel!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
