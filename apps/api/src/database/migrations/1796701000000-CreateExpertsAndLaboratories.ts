import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Experts and laboratories (issue 16). Generated, plus the GIN indexes the entities declare with
 * synchronize: false (TypeORM's decorator cannot say USING GIN), as ListingSearchIndexes does for listings.
 */
export class CreateExpertsAndLaboratories1796701000000 implements MigrationInterface {
  name = 'CreateExpertsAndLaboratories1796701000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "laboratory" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "organization_id" uuid NOT NULL, "name_zh" character varying(200) NOT NULL, "name_en" character varying(300), "kind" character varying(30) NOT NULL, "field_codes" text array NOT NULL DEFAULT '{}', "field_paths" text array NOT NULL DEFAULT '{}', "directions" text NOT NULL DEFAULT '', "head_name" character varying(50), "summary" text NOT NULL DEFAULT '', "outputs" jsonb NOT NULL DEFAULT '[]', "search_doc" tsvector, CONSTRAINT "PK_3bf32a10e42e572b37799d66f1c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_laboratory_organization_name" ON "laboratory" ("organization_id", "name_zh") `);
    await queryRunner.query(`CREATE INDEX "ix_laboratory_kind" ON "laboratory" ("kind") `);
    await queryRunner.query(`CREATE INDEX "ix_laboratory_organization" ON "laboratory" ("organization_id") `);
    await queryRunner.query(`CREATE TABLE "expert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "organization_id" uuid NOT NULL, "laboratory_id" uuid, "user_id" uuid, "name_zh" character varying(50) NOT NULL, "name_en" character varying(100), "title" character varying(30) NOT NULL, "field_codes" text array NOT NULL DEFAULT '{}', "field_paths" text array NOT NULL DEFAULT '{}', "directions" text NOT NULL DEFAULT '', "bio" text NOT NULL DEFAULT '', "outputs" jsonb NOT NULL DEFAULT '[]', "cooperation_modes" text array NOT NULL DEFAULT '{}', "availability" character varying(20) NOT NULL, "contact_email" character varying(254), "contact_phone" character varying(20), "verified" boolean NOT NULL DEFAULT false, "verified_by_id" uuid, "verified_at" TIMESTAMP WITH TIME ZONE, "search_doc" tsvector, CONSTRAINT "PK_0062630832658e718267ce2941f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_expert_user" ON "expert" ("user_id") WHERE user_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_expert_laboratory" ON "expert" ("laboratory_id") `);
    await queryRunner.query(`CREATE INDEX "ix_expert_organization" ON "expert" ("organization_id") `);
    await queryRunner.query(`ALTER TABLE "laboratory" ADD CONSTRAINT "fk_laboratory_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert" ADD CONSTRAINT "fk_expert_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert" ADD CONSTRAINT "fk_expert_laboratory" FOREIGN KEY ("laboratory_id") REFERENCES "laboratory"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "expert" ADD CONSTRAINT "fk_expert_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    for (const table of ['laboratory', 'expert']) {
      await queryRunner.query(`CREATE INDEX "ix_${table}_search_doc" ON "${table}" USING GIN ("search_doc")`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_field_paths" ON "${table}" USING GIN ("field_paths")`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['expert', 'laboratory']) {
      await queryRunner.query(`DROP INDEX "public"."ix_${table}_field_paths"`);
      await queryRunner.query(`DROP INDEX "public"."ix_${table}_search_doc"`);
    }
    await queryRunner.query(`ALTER TABLE "expert" DROP CONSTRAINT "fk_expert_user"`);
    await queryRunner.query(`ALTER TABLE "expert" DROP CONSTRAINT "fk_expert_laboratory"`);
    await queryRunner.query(`ALTER TABLE "expert" DROP CONSTRAINT "fk_expert_organization"`);
    await queryRunner.query(`ALTER TABLE "laboratory" DROP CONSTRAINT "fk_laboratory_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ix_expert_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ix_expert_laboratory"`);
    await queryRunner.query(`DROP INDEX "public"."uq_expert_user"`);
    await queryRunner.query(`DROP TABLE "expert"`);
    await queryRunner.query(`DROP INDEX "public"."ix_laboratory_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ix_laboratory_kind"`);
    await queryRunner.query(`DROP INDEX "public"."uq_laboratory_organization_name"`);
    await queryRunner.query(`DROP TABLE "laboratory"`);
  }
}
