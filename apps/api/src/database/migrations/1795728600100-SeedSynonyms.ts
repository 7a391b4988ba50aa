import { MigrationInterface, QueryRunner } from 'typeorm';
import { SYNONYM_GROUPS_V1 } from './reference-data/synonyms.v1';

/**
 * Reference data: the starting synonym list for search and matching (admins edit it in the app).
 * The data is frozen in reference-data/synonyms.v1.ts: change the list with a new migration.
 */
export class SeedSynonyms1795728600100 implements MigrationInterface {
  name = 'SeedSynonyms1795728600100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const terms of SYNONYM_GROUPS_V1) {
      await queryRunner.query(`INSERT INTO synonym_group (terms) VALUES ($1)`, [[...terms]]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM synonym_group`);
  }
}
