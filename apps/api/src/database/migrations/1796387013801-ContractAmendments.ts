import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractAmendments1796387013801 implements MigrationInterface {
  name = 'ContractAmendments1796387013801';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "contract_amendment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "contract_id" uuid NOT NULL, "author_id" uuid, "effective_on" date NOT NULL, "reason" text NOT NULL, "contract_amount_fen" bigint NOT NULL, "non_technical_cost_fen" bigint NOT NULL, "technical_amount_fen" bigint NOT NULL, "type_code" character varying(40) NOT NULL, "seller_name" character varying(200) NOT NULL, "seller_credit_code" character(18), "seller_area_code" character(6) NOT NULL, "buyer_name" character varying(200) NOT NULL, "buyer_credit_code" character(18), "buyer_area_code" character(6) NOT NULL, "changes" jsonb NOT NULL, CONSTRAINT "ck_contract_amendment_amounts" CHECK ("technical_amount_fen" = "contract_amount_fen" - "non_technical_cost_fen" AND "technical_amount_fen" >= 0 AND "non_technical_cost_fen" >= 0), CONSTRAINT "PK_30454b096706a0362be13a60ea7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_contract_amendment_contract" ON "contract_amendment" ("contract_id", "effective_on", "created_at") `);
    await queryRunner.query(`ALTER TABLE "contract_amendment" ADD CONSTRAINT "fk_contract_amendment_contract" FOREIGN KEY ("contract_id") REFERENCES "tech_contract"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Hand-written: an amendment is a record of what changed; it is never rewritten or removed.
    await queryRunner.query(`CREATE FUNCTION xkx_contract_amendment_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN RAISE EXCEPTION 'contract_amendment is append-only'; END $fn$`);
    await queryRunner.query(`CREATE TRIGGER "trg_contract_amendment_append_only" BEFORE UPDATE OR DELETE ON "contract_amendment" FOR EACH ROW EXECUTE FUNCTION xkx_contract_amendment_append_only()`);
    // The KPI figures read amendments (at their effective date) and public notices (the chain rule): a change
    // to either bumps the KPI data version like the other sources (migration KpiDataVersion).
    for (const table of ['contract_amendment', 'public_notice']) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "trg_kpi_version_${table}" AFTER INSERT OR UPDATE OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION xkx_kpi_data_changed()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_kpi_version_public_notice" ON "public_notice"`);
    await queryRunner.query(`DROP TRIGGER "trg_kpi_version_contract_amendment" ON "contract_amendment"`);
    await queryRunner.query(`DROP TRIGGER "trg_contract_amendment_append_only" ON "contract_amendment"`);
    await queryRunner.query(`DROP FUNCTION xkx_contract_amendment_append_only()`);
    await queryRunner.query(`ALTER TABLE "contract_amendment" DROP CONSTRAINT "fk_contract_amendment_contract"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contract_amendment_contract"`);
    await queryRunner.query(`DROP TABLE "contract_amendment"`);
  }
}
