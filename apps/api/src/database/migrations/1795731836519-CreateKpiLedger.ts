import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateKpiLedger1795731836519 implements MigrationInterface {
  name = 'CreateKpiLedger1795731836519';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "kpi_target" ("year" smallint NOT NULL, "projects" integer NOT NULL, "contract_amount_fen" bigint NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5465f0f97e3bc1e7b253e492eab" PRIMARY KEY ("year"))`);
    await queryRunner.query(`CREATE TABLE "kpi_institution_target" ("year" smallint NOT NULL, "organization_id" uuid NOT NULL, "projects" integer NOT NULL, "contract_amount_fen" bigint NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f951a02ec4724e03b17ef6854d1" PRIMARY KEY ("year", "organization_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_kpi_institution_target_organization" ON "kpi_institution_target" ("organization_id") `);
    await queryRunner.query(`CREATE TABLE "kpi_related_party_mark" ("contract_id" uuid NOT NULL, "reason" character varying(500) NOT NULL, "marked_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_95e7a74c2b581bd31bf6f5043bd" PRIMARY KEY ("contract_id"))`);
    await queryRunner.query(`CREATE TABLE "rnd_spending" ("organization_id" uuid NOT NULL, "year" smallint NOT NULL, "amount_fen" bigint NOT NULL, "note" character varying(500), "entered_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_57208507ced1a9ea32487f8e715" PRIMARY KEY ("organization_id", "year"))`);
    await queryRunner.query(`CREATE INDEX "ix_rnd_spending_year" ON "rnd_spending" ("year") `);
    await queryRunner.query(`ALTER TABLE "kpi_institution_target" ADD CONSTRAINT "fk_kpi_institution_target_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kpi_related_party_mark" ADD CONSTRAINT "fk_kpi_related_party_mark_contract" FOREIGN KEY ("contract_id") REFERENCES "tech_contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "rnd_spending" ADD CONSTRAINT "fk_rnd_spending_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rnd_spending" DROP CONSTRAINT "fk_rnd_spending_organization"`);
    await queryRunner.query(`ALTER TABLE "kpi_related_party_mark" DROP CONSTRAINT "fk_kpi_related_party_mark_contract"`);
    await queryRunner.query(`ALTER TABLE "kpi_institution_target" DROP CONSTRAINT "fk_kpi_institution_target_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ix_rnd_spending_year"`);
    await queryRunner.query(`DROP TABLE "rnd_spending"`);
    await queryRunner.query(`DROP TABLE "kpi_related_party_mark"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_institution_target_organization"`);
    await queryRunner.query(`DROP TABLE "kpi_institution_target"`);
    await queryRunner.query(`DROP TABLE "kpi_target"`);
  }
}
