import { MigrationInterface, QueryRunner } from 'typeorm';

export class KpiQueryIndexes1795740254659 implements MigrationInterface {
  name = 'KpiQueryIndexes1795740254659';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_contract_payment_received_on" ON "contract_payment" ("received_on") `);
    await queryRunner.query(`CREATE INDEX "ix_deal_participant_side" ON "deal_participant" ("deal_id", "side", "created_at", "user_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_deal_participant_side"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contract_payment_received_on"`);
  }
}
