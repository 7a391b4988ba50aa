import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexContractSignedOn1795734698271 implements MigrationInterface {
  name = 'IndexContractSignedOn1795734698271';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_tech_contract_signed_on" ON "tech_contract" ("signed_on") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_tech_contract_signed_on"`);
  }
}
