import { SynonymRelation } from '@xkx/contracts';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';

/**
 * Terms that mean the same thing in search and matching (锂电池 = 锂离子电池; the first is canonical), or, with
 * relation NARROWER, a broader term followed by narrower ones (人工智能 ⊃ 计算机视觉, 大模型).
 */
@Entity({ name: 'synonym_group' })
export class SynonymGroupEntity extends BaseEntity {
  @Column({ type: 'text', array: true })
  terms!: string[];

  @Column({ type: 'varchar', length: 20, default: SynonymRelation.EQUIVALENT })
  relation!: SynonymRelation;
}
