import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Introductions to an expert or a laboratory were stored with target kind RESULT (and no result): they now say
 * EXPERT or LABORATORY, and a check keeps the kind and the target's column in step (issue 16).
 */
export class IntroductionTargetKinds1796900000000 implements MigrationInterface {
  name = 'IntroductionTargetKinds1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "introduction" SET "target_kind" = 'EXPERT' WHERE "expert_id" IS NOT NULL`);
    await queryRunner.query(`UPDATE "introduction" SET "target_kind" = 'LABORATORY' WHERE "laboratory_id" IS NOT NULL AND "expert_id" IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "introduction" ADD CONSTRAINT "ck_introduction_target" CHECK (("target_kind" IN ('RESULT', 'NEED') AND "expert_id" IS NULL AND "laboratory_id" IS NULL) OR ("target_kind" = 'EXPERT' AND "expert_id" IS NOT NULL AND "laboratory_id" IS NULL) OR ("target_kind" = 'LABORATORY' AND "laboratory_id" IS NOT NULL AND "expert_id" IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "introduction" DROP CONSTRAINT "ck_introduction_target"`);
    await queryRunner.query(`UPDATE "introduction" SET "target_kind" = 'RESULT' WHERE "target_kind" IN ('EXPERT', 'LABORATORY')`);
  }
}
