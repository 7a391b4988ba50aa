import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';

/** Terms that mean the same thing in search and matching (锂电池 = 锂离子电池); the first is canonical. */
@Entity({ name: 'synonym_group' })
export class SynonymGroupEntity extends BaseEntity {
  @Column({ type: 'text', array: true })
  terms!: string[];
}
