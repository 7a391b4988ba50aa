import { MigrationInterface, QueryRunner } from 'typeorm';
import { TECHNOLOGY_FIELDS_V1 } from './reference-data/technology-fields.v1';

/**
 * Reference data every deployment needs (not demo data): the district's technology-field tree.
 * Admins edit the tree in the app afterwards. The data is frozen in reference-data/technology-fields.v1.ts:
 * extend the tree with a new migration, never by editing that file.
 */
export class SeedTechnologyFields1795728600000 implements MigrationInterface {
  name = 'SeedTechnologyFields1795728600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    let sort = 0;
    for (const field of TECHNOLOGY_FIELDS_V1) {
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
