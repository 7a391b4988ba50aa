import { MigrationInterface, QueryRunner } from 'typeorm';

export class DealLostProposal1796395427928 implements MigrationInterface {
  name = 'DealLostProposal1796395427928';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deal" ADD "lost_proposed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "lost_proposed_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "deal" ADD "lost_proposal_reason" text`);
    await queryRunner.query(`CREATE INDEX "ix_deal_lost_proposed_at" ON "deal" ("lost_proposed_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_deal_lost_proposed_at"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "lost_proposal_reason"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "lost_proposed_by_id"`);
    await queryRunner.query(`ALTER TABLE "deal" DROP COLUMN "lost_proposed_at"`);
  }
}
