import { MigrationInterface, QueryRunner } from 'typeorm';
import { TECHNOLOGY_FIELDS } from '../seeds/data/technology-fields';

/**
 * Reference data every deployment needs (not demo data): the district's technology-field tree.
 * Admins edit the tree in the app afterwards; later changes to the seed file do not reach databases
 * this migration already ran on, so extend the tree with a new migration.
 */
export class SeedTechnologyFields1795728600000 implements MigrationInterface {
  name = 'SeedTechnologyFields1795728600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    let sort = 0;
    for (const field of TECHNOLOGY_FIELDS) {
      await queryRunner.query(
        `INSERT INTO technology_field (code, parent_code, name_zh, name_en, sort) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING`,
        [field.code, field.parentCode, field.nameZh, field.nameEn, sort++],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Children first (they reference their parents).
    await queryRunner.query(`DELETE FROM technology_field WHERE parent_code IS NOT NULL`);
    await queryRunner.query(`DELETE FROM technology_field`);
  }
}
