import { InstrumentRequestStatus } from '@xkx/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../common/entities/base.entity';
import { bigintFen } from '../../../database/transformers';
import { DealEntity } from '@xkx/api/modules/deals/entities/deal.entity';
import { OrganizationEntity } from '@xkx/api/modules/organizations/organization.entity';
import { SharedInstrumentEntity } from './shared-instrument.entity';

/** An enterprise's request to use a shared instrument, the laboratory's answer, its fee and the deal it opened. */
@Entity({ name: 'instrument_request' })
@Index('ix_instrument_request_instrument', ['instrumentId'])
@Index('ix_instrument_request_organization', ['organizationId'])
@Index('ix_instrument_request_status', ['status', 'createdAt'])
@Check('ck_instrument_request_figures', '"quantity" > 0 AND ("fee_fen" IS NULL OR "fee_fen" >= 0)')
export class InstrumentRequestEntity extends BaseEntity {
  @Column({ name: 'instrument_id', type: 'uuid' })
  instrumentId!: string;

  @ManyToOne(() => SharedInstrumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instrument_id', foreignKeyConstraintName: 'fk_instrument_request_instrument' })
  instrument?: SharedInstrumentEntity;

  /** The requesting enterprise. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_instrument_request_organization' })
  organization?: OrganizationEntity;

  @Column({ name: 'requested_by_id', type: 'uuid', nullable: true })
  requestedById!: string | null;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'preferred_on', type: 'date', nullable: true })
  preferredOn!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: InstrumentRequestStatus;

  /** The fee agreed when accepted (integer fen; 0 = free of charge). */
  @Column({ name: 'fee_fen', type: 'bigint', nullable: true, transformer: bigintFen })
  feeFen!: number | null;

  @Column({ name: 'answer_note', type: 'text', nullable: true })
  answerNote!: string | null;

  @Column({ name: 'answered_by_id', type: 'uuid', nullable: true })
  answeredById!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'deal_id', type: 'uuid', nullable: true })
  dealId!: string | null;

  @ManyToOne(() => DealEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'deal_id', foreignKeyConstraintName: 'fk_instrument_request_deal' })
  deal?: DealEntity | null;
}
