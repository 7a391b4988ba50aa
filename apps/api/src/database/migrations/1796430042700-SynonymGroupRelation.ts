import { MigrationInterface, QueryRunner } from 'typeorm';

export class SynonymGroupRelation1796430042700 implements MigrationInterface {
  name = 'SynonymGroupRelation1796430042700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "synonym_group" ADD "relation" character varying(20) NOT NULL DEFAULT 'EQUIVALENT'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "synonym_group" DROP COLUMN "relation"`);
  }
}
