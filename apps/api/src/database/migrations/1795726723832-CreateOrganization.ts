import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganization1795726723832 implements MigrationInterface {
  name = 'CreateOrganization1795726723832';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "name_zh" character varying(200) NOT NULL, "name_en" character varying(300), "short_name" character varying(50), "kind" character varying(20) NOT NULL, "area_code" character(6) NOT NULL, "address" character varying(300), "credit_code" character(18), "verified" boolean NOT NULL DEFAULT false, "is_high_tech" boolean NOT NULL DEFAULT false, "is_specialized" boolean NOT NULL DEFAULT false, "is_key_monitored" boolean NOT NULL DEFAULT false, "pinyin" character varying(600) NOT NULL DEFAULT '', "pinyin_initials" character varying(200) NOT NULL DEFAULT '', CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_organization_kind" ON "organization" ("kind") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organization_credit_code" ON "organization" ("credit_code") WHERE credit_code IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_organization_credit_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organization_kind"`);
    await queryRunner.query(`DROP TABLE "organization"`);
  }
}
