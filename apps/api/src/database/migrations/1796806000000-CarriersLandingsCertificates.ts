import { MigrationInterface, QueryRunner } from 'typeorm';

/** The landed-projects figure reads these two tables (issue 16): writes to them move kpi_data_version (see KpiDataVersion). */
const KPI_SOURCES = ['innovation_carrier', 'project_landing'];

/**
 * Innovation carriers (科创载体), the landings of signed deals (项目落地), and the 高企 / 专精特新 certificates
 * of organizations (issue 16). Generated; the KPI version triggers are added by hand at the end of up().
 */
export class CarriersLandingsCertificates1796806000000 implements MigrationInterface {
  name = 'CarriersLandingsCertificates1796806000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "innovation_carrier" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "name_zh" character varying(200) NOT NULL, "name_en" character varying(300), "kind" character varying(20) NOT NULL, "address" character varying(300) NOT NULL, "total_area_m2" integer, "available_area_m2" integer NOT NULL, "price_min_fen" integer, "price_max_fen" integer, "field_codes" text array NOT NULL DEFAULT '{}', "description" text, "contact_name" character varying(50) NOT NULL, "contact_phone" character varying(30) NOT NULL, "contact_email" character varying(200), "illustrative" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "ck_innovation_carrier_price" CHECK ("price_min_fen" IS NULL OR "price_max_fen" IS NULL OR "price_min_fen" <= "price_max_fen"), CONSTRAINT "ck_innovation_carrier_area" CHECK ("available_area_m2" >= 0 AND ("total_area_m2" IS NULL OR "available_area_m2" <= "total_area_m2")), CONSTRAINT "PK_6b0d7eea2e597f9784f868a5586" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_innovation_carrier_kind" ON "innovation_carrier" ("kind") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_innovation_carrier_name" ON "innovation_carrier" ("name_zh") `);
    await queryRunner.query(`CREATE TABLE "project_landing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "deal_id" uuid NOT NULL, "carrier_id" uuid NOT NULL, "area_m2" integer NOT NULL, "kind" character varying(20) NOT NULL, "company_name" character varying(200) NOT NULL, "company_credit_code" character(18), "jobs_planned" integer NOT NULL, "landed_on" date NOT NULL, "note" text, "recorded_by_id" uuid, CONSTRAINT "ck_project_landing_figures" CHECK ("area_m2" > 0 AND "jobs_planned" >= 0), CONSTRAINT "PK_4fc0852cddcfea57dc8a8376534" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_project_landing_landed_on" ON "project_landing" ("landed_on") `);
    await queryRunner.query(`CREATE INDEX "ix_project_landing_carrier" ON "project_landing" ("carrier_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_project_landing_deal" ON "project_landing" ("deal_id") `);
    await queryRunner.query(`ALTER TABLE "organization" ADD "high_tech_cert_no" character varying(50)`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "high_tech_issued_on" date`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "high_tech_expires_on" date`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "specialized_cert_no" character varying(50)`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "specialized_issued_on" date`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "specialized_expires_on" date`);
    await queryRunner.query(`ALTER TABLE "project_landing" ADD CONSTRAINT "fk_project_landing_deal" FOREIGN KEY ("deal_id") REFERENCES "deal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_landing" ADD CONSTRAINT "fk_project_landing_carrier" FOREIGN KEY ("carrier_id") REFERENCES "innovation_carrier"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    for (const table of KPI_SOURCES) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "trg_kpi_version_${table}" AFTER INSERT OR UPDATE OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION xkx_kpi_data_changed()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...KPI_SOURCES].reverse()) await queryRunner.query(`DROP TRIGGER "trg_kpi_version_${table}" ON "${table}"`);
    await queryRunner.query(`ALTER TABLE "project_landing" DROP CONSTRAINT "fk_project_landing_carrier"`);
    await queryRunner.query(`ALTER TABLE "project_landing" DROP CONSTRAINT "fk_project_landing_deal"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "specialized_expires_on"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "specialized_issued_on"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "specialized_cert_no"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "high_tech_expires_on"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "high_tech_issued_on"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "high_tech_cert_no"`);
    await queryRunner.query(`DROP INDEX "public"."uq_project_landing_deal"`);
    await queryRunner.query(`DROP INDEX "public"."ix_project_landing_carrier"`);
    await queryRunner.query(`DROP INDEX "public"."ix_project_landing_landed_on"`);
    await queryRunner.query(`DROP TABLE "project_landing"`);
    await queryRunner.query(`DROP INDEX "public"."uq_innovation_carrier_name"`);
    await queryRunner.query(`DROP INDEX "public"."ix_innovation_carrier_kind"`);
    await queryRunner.query(`DROP TABLE "innovation_carrier"`);
  }
}
