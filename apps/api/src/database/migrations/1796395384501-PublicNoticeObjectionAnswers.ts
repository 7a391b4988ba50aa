import { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicNoticeObjectionAnswers1796395384501 implements MigrationInterface {
  name = 'PublicNoticeObjectionAnswers1796395384501';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "public_notice" ADD "pricing_method" character varying(20)`);
    // Notices opened before this column: the deal's method (unset counts as agreement, as the gate reads it).
    await queryRunner.query(`UPDATE "public_notice" n SET "pricing_method" = coalesce(d."pricing_method", 'AGREEMENT') FROM "deal" d WHERE d."id" = n."deal_id"`);
    await queryRunner.query(`ALTER TABLE "public_notice_objection" ADD "answer" text`);
    await queryRunner.query(`ALTER TABLE "public_notice_objection" ADD "decision" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "public_notice_objection" ADD "answered_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "public_notice_objection" ADD "answered_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "public_notice_objection" DROP COLUMN "answered_at"`);
    await queryRunner.query(`ALTER TABLE "public_notice_objection" DROP COLUMN "answered_by_id"`);
    await queryRunner.query(`ALTER TABLE "public_notice_objection" DROP COLUMN "decision"`);
    await queryRunner.query(`ALTER TABLE "public_notice_objection" DROP COLUMN "answer"`);
    await queryRunner.query(`ALTER TABLE "public_notice" DROP COLUMN "pricing_method"`);
  }
}
