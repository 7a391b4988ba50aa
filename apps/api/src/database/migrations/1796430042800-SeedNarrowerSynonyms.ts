import { MigrationInterface, QueryRunner } from 'typeorm';
import { NARROWER_SYNONYM_GROUPS_V2 } from './reference-data/synonyms-narrower.v2';

/**
 * Reference data: the starting broader → narrower groups (人工智能 ⊃ 计算机视觉, 大模型 …), so a search for a
 * priority chain's name finds its sub-topics. Frozen in reference-data/synonyms-narrower.v2.ts; admins edit
 * the groups in the app. Down removes exactly these groups, if an admin has not changed them.
 */
export class SeedNarrowerSynonyms1796430042800 implements MigrationInterface {
  name = 'SeedNarrowerSynonyms1796430042800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const terms of NARROWER_SYNONYM_GROUPS_V2) {
      await queryRunner.query(`INSERT INTO synonym_group (terms, relation) VALUES ($1, 'NARROWER')`, [[...terms]]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const terms of NARROWER_SYNONYM_GROUPS_V2) {
      await queryRunner.query(`DELETE FROM synonym_group WHERE relation = 'NARROWER' AND terms = $1::text[]`, [[...terms]]);
    }
  }
}
