import { MigrationInterface, QueryRunner } from 'typeorm';

export class NdaSignatureTextHash1796388445679 implements MigrationInterface {
  name = 'NdaSignatureTextHash1796388445679';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "nda_acceptance" ADD "text_hash" character varying(64)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "nda_acceptance" DROP COLUMN "text_hash"`);
  }
}
