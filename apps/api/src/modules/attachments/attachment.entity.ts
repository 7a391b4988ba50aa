import { AttachmentCategory, AttachmentTarget } from '@xkx/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '@xkx/api/modules/users/user.entity';

/**
 * One file attached to a contract, a payment or a listing. The bytes live in object storage under
 * `storage_key`; the row is written after the object, so a row always has its bytes.
 * No foreign key to the target: it is one of several tables (checked by the service on every write).
 */
@Entity({ name: 'attachment' })
@Index('ix_attachment_target', ['targetType', 'targetId', 'createdAt'])
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'target_type', type: 'varchar', length: 20 })
  targetType!: AttachmentTarget;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @Column({ type: 'varchar', length: 30 })
  category!: AttachmentCategory;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName!: string;

  /** Detected from the bytes at upload, not taken from the client. */
  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Index('uq_attachment_storage_key', { unique: true })
  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey!: string;

  @Column({ name: 'uploaded_by_id', type: 'uuid', nullable: true })
  uploadedById!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'uploaded_by_id', foreignKeyConstraintName: 'fk_attachment_uploaded_by' })
  uploadedBy?: UserEntity | null;
}
