import { MigrationInterface, QueryRunner } from 'typeorm';

/** Introductions and deals started from an expert or a laboratory, with the contract type they carry (issue 16). Generated. */
export class PeopleIntroductions1796701100000 implements MigrationInterface {
  name = 'PeopleIntroductions1796701100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deal" ADD "expert_id" uuid`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "laboratory_id" uuid`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "contract_type" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "introduction" ADD "expert_id" uuid`);
    await queryRunner.query(`ALTER TABLE "introduction" ADD "laboratory_id" uuid`);
    await queryRunner.query(`ALTER TABLE "introduction" ADD "contract_type" character varying(20)`);
    await queryRunner.query(`CREATE INDEX "ix_deal_laboratory" ON "deal" ("laboratory_id") `);
    await queryRunner.query(`CREATE INDEX "ix_deal_expert" ON "deal" ("expert_id") `);
    await queryRunner.query(`CREATE INDEX "ix_introduction_laboratory" ON "introduction" ("laboratory_id") `);
    await queryRunner.query(`CREATE INDEX "ix_introduction_expert" ON "introduction" ("expert_id") `);
    await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "fk_deal_expert" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deal" ADD CONSTRAINT "fk_deal_laboratory" FOREIGN KEY ("laboratory_id") REFERENCES "laboratory"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "introduction" ADD CONSTRAINT "fk_introduction_expert" FOREIGN KEY ("expert_id") REFERENCES "expert"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "introduction" ADD CONSTRAINT "fk_introduction_laboratory" FOREIGN KEY ("laboratory_id") REFERENCES "laboratory"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "introduction" DROP CONSTRAINT "fk_introduction_laboratory"`);
    await queryRunner.query(`ALTER TABLE "introduction" DROP CONSTRAINT "fk_introduction_expert"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "fk_deal_laboratory"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP CONSTRAINT "fk_deal_expert"`);
    await queryRunner.query(`DROP INDEX "public"."ix_introduction_expert"`);
    await queryRunner.query(`DROP INDEX "public"."ix_introduction_laboratory"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deal_expert"`);
    await queryRunner.query(`DROP INDEX "public"."ix_deal_laboratory"`);
    await queryRunner.query(`ALTER TABLE "introduction" DROP COLUMN "contract_type"`);
    await queryRunner.query(`ALTER TABLE "introduction" DROP COLUMN "laboratory_id"`);
    await queryRunner.query(`ALTER TABLE "introduction" DROP COLUMN "expert_id"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "contract_type"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "laboratory_id"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "expert_id"`);
  }
}
