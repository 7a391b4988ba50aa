import { MigrationInterface, QueryRunner } from 'typeorm';

/** Shared instruments of laboratories and the requests to use them (issue 16). Generated. */
export class SharedInstruments1796806100000 implements MigrationInterface {
  name = 'SharedInstruments1796806100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "shared_instrument" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "laboratory_id" uuid NOT NULL, "name_zh" character varying(200) NOT NULL, "model" character varying(100) NOT NULL, "capability" text NOT NULL, "location" character varying(300) NOT NULL, "booking_terms" text NOT NULL, "price_fen" bigint NOT NULL, "price_unit" character varying(10) NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "ck_shared_instrument_price" CHECK ("price_fen" >= 0), CONSTRAINT "PK_a3812f953257916c5b3f45d5871" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_shared_instrument_lab_name_model" ON "shared_instrument" ("laboratory_id", "name_zh", "model") `);
    await queryRunner.query(`CREATE INDEX "ix_shared_instrument_laboratory" ON "shared_instrument" ("laboratory_id") `);
    await queryRunner.query(`CREATE TABLE "instrument_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "instrument_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "requested_by_id" uuid, "purpose" text NOT NULL, "quantity" integer NOT NULL, "preferred_on" date, "status" character varying(20) NOT NULL, "fee_fen" bigint, "answer_note" text, "answered_by_id" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "deal_id" uuid, CONSTRAINT "ck_instrument_request_figures" CHECK ("quantity" > 0 AND ("fee_fen" IS NULL OR "fee_fen" >= 0)), CONSTRAINT "PK_f2072b7660927a15181d18dc974" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_instrument_request_status" ON "instrument_request" ("status", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_instrument_request_organization" ON "instrument_request" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "ix_instrument_request_instrument" ON "instrument_request" ("instrument_id") `);
    await queryRunner.query(`ALTER TABLE "shared_instrument" ADD CONSTRAINT "fk_shared_instrument_laboratory" FOREIGN KEY ("laboratory_id") REFERENCES "laboratory"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "instrument_request" ADD CONSTRAINT "fk_instrument_request_instrument" FOREIGN KEY ("instrument_id") REFERENCES "shared_instrument"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "instrument_request" ADD CONSTRAINT "fk_instrument_request_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "instrument_request" ADD CONSTRAINT "fk_instrument_request_deal" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "instrument_request" DROP CONSTRAINT "fk_instrument_request_deal"`);
    await queryRunner.query(`ALTER TABLE "instrument_request" DROP CONSTRAINT "fk_instrument_request_organization"`);
    await queryRunner.query(`ALTER TABLE "instrument_request" DROP CONSTRAINT "fk_instrument_request_instrument"`);
    await queryRunner.query(`ALTER TABLE "shared_instrument" DROP CONSTRAINT "fk_shared_instrument_laboratory"`);
    await queryRunner.query(`DROP INDEX "public"."ix_instrument_request_instrument"`);
    await queryRunner.query(`DROP INDEX "public"."ix_instrument_request_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ix_instrument_request_status"`);
    await queryRunner.query(`DROP TABLE "instrument_request"`);
    await queryRunner.query(`DROP INDEX "public"."ix_shared_instrument_laboratory"`);
    await queryRunner.query(`DROP INDEX "public"."uq_shared_instrument_lab_name_model"`);
    await queryRunner.query(`DROP TABLE "shared_instrument"`);
  }
}
