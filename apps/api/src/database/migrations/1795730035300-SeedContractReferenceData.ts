import { MigrationInterface, QueryRunner } from 'typeorm';
import { CONTRACT_TYPES_V1, NDA_V1, REGISTRATION_FIELDS_V1 } from './reference-data/contract-reference-data.v1';

/**
 * Reference data every deployment needs (not demo data): technology-contract types, the extra fields
 * of the registration form and the first NDA text, frozen in reference-data/contract-reference-data.v1.ts.
 * Administrators edit them in the app afterwards; a change to the starting data is a new migration.
 * Also the sequences behind the human-readable deal and contract codes (D2026-000001, C2026-000001).
 */
export class SeedContractReferenceData1795730035300 implements MigrationInterface {
  name = 'SeedContractReferenceData1795730035300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "deal_code_seq"`);
    await queryRunner.query(`CREATE SEQUENCE "tech_contract_code_seq"`);
    let sort = 0;
    for (const t of CONTRACT_TYPES_V1) {
      await queryRunner.query(
        `INSERT INTO contract_type (code, parent_code, name_zh, name_en, asks_investment, sort) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING`,
        [t.code, t.parentCode, t.nameZh, t.nameEn, t.asksInvestment, sort++],
      );
    }
    sort = 0;
    for (const f of REGISTRATION_FIELDS_V1) {
      await queryRunner.query(
        `INSERT INTO registration_field (key, label_zh, label_en, value_type, required, contract_types, options, sort) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING`,
        [f.key, f.labelZh, f.labelEn, f.valueType, f.required, [...f.contractTypes], [...f.options], sort++],
      );
    }
    await queryRunner.query(`INSERT INTO nda_version (version, title, body) VALUES ($1, $2, $3) ON CONFLICT (version) DO NOTHING`, [NDA_V1.version, NDA_V1.title, NDA_V1.body]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM nda_version`);
    await queryRunner.query(`DELETE FROM registration_field`);
    await queryRunner.query(`DELETE FROM contract_type WHERE parent_code IS NOT NULL`);
    await queryRunner.query(`DELETE FROM contract_type`);
    await queryRunner.query(`DROP SEQUENCE "tech_contract_code_seq"`);
    await queryRunner.query(`DROP SEQUENCE "deal_code_seq"`);
  }
}
