import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 登记表's 专利号 is checked like a listing's patent (check digit and all) instead of taken as free text:
 * value type PATENT. Only the seeded field, and only while an administrator has not retyped it.
 */
export class RegistrationPatentNumberType1796407071391 implements MigrationInterface {
  name = 'RegistrationPatentNumberType1796407071391';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE registration_field SET value_type = 'PATENT' WHERE key = 'patentNumber' AND value_type = 'TEXT'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE registration_field SET value_type = 'TEXT' WHERE key = 'patentNumber' AND value_type = 'PATENT'`);
  }
}
