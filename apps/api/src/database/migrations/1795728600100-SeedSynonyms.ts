import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_SYNONYM_GROUPS } from '../seeds/data/synonyms';

/**
 * Reference data: the starting synonym list for search and matching (admins edit it in the app).
 * Later edits to the seed file do not reach databases this migration already ran on.
 */
export class SeedSynonyms1795728600100 implements MigrationInterface {
  name = 'SeedSynonyms1795728600100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const terms of DEFAULT_SYNONYM_GROUPS) {
      await queryRunner.query(`INSERT INTO synonym_group (terms) VALUES ($1)`, [terms]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM synonym_group`);
  }
}
