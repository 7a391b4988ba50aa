import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateListings1795728501801 implements MigrationInterface {
  name = 'CreateListings1795728501801';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "import_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" character varying(10) NOT NULL, "status" character varying(12) NOT NULL, "file_name" character varying(255) NOT NULL, "created_by_id" uuid NOT NULL, "total_rows" integer NOT NULL, "valid_rows" integer NOT NULL, "processed_rows" integer NOT NULL DEFAULT '0', "imported_rows" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL, "payload" jsonb, "finished_at" TIMESTAMP WITH TIME ZONE, "failure" text, CONSTRAINT "PK_65b4c7eccb8120972a7b8da7682" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_import_job_created_by" ON "import_job" ("created_by_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "listing_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "listing_kind" character varying(10) NOT NULL, "listing_id" uuid NOT NULL, "version" integer NOT NULL, "actor_id" uuid, "action" character varying(30) NOT NULL, "from_status" character varying(20), "to_status" character varying(20), "changed_fields" text array NOT NULL, "note" text, CONSTRAINT "PK_d2b32ec93837ae4a12464b23144" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_listing_history_listing" ON "listing_history" ("listing_kind", "listing_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "need" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "code" character varying(20) NOT NULL, "title" character varying(200) NOT NULL, "public_summary" text NOT NULL, "confidential_detail" text, "indicators" jsonb NOT NULL, "field_codes" text array NOT NULL, "field_paths" text array NOT NULL, "keywords" text array NOT NULL, "status" character varying(20) NOT NULL, "organization_id" uuid NOT NULL, "owner_id" uuid, "created_by_id" uuid, "reviewer_id" uuid, "review_note" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "valid_until" date NOT NULL, "stale_warned_at" TIMESTAMP WITH TIME ZONE, "search_doc" tsvector, "problem" text NOT NULL, "must_haves" text array NOT NULL, "nice_to_haves" text array NOT NULL, "need_type" character varying(30) NOT NULL, "cooperation_modes" text array NOT NULL, "budget_negotiable" boolean NOT NULL, "budget_min_fen" bigint, "budget_max_fen" bigint, "bounty_fen" bigint, "min_trl" smallint, "deadline" date, "anonymous" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_218b14514f334ee6f39954f86ba" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_need_owner" ON "need" ("owner_id") `);
    await queryRunner.query(`CREATE INDEX "ix_need_organization" ON "need" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "ix_need_status_published_at" ON "need" ("status", "published_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_need_code" ON "need" ("code") `);
    await queryRunner.query(`CREATE TABLE "result" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "code" character varying(20) NOT NULL, "title" character varying(200) NOT NULL, "public_summary" text NOT NULL, "confidential_detail" text, "indicators" jsonb NOT NULL, "field_codes" text array NOT NULL, "field_paths" text array NOT NULL, "keywords" text array NOT NULL, "status" character varying(20) NOT NULL, "organization_id" uuid NOT NULL, "owner_id" uuid, "created_by_id" uuid, "reviewer_id" uuid, "review_note" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "valid_until" date NOT NULL, "stale_warned_at" TIMESTAMP WITH TIME ZONE, "search_doc" tsvector, "value_proposition" character varying(300) NOT NULL, "problem_solved" text NOT NULL, "advantages" text NOT NULL, "applications" text NOT NULL, "form" character varying(20) NOT NULL, "trl" smallint NOT NULL, "stage" character varying(20) NOT NULL, "owners" jsonb NOT NULL, "inventors" text array NOT NULL, "service_invention" boolean NOT NULL, "transfer_modes" text array NOT NULL, "price_negotiable" boolean NOT NULL, "price_min_fen" bigint, "price_max_fen" bigint, "price_type" character varying(20), CONSTRAINT "PK_c93b145f3c2e95f6d9e21d188e2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_result_owner" ON "result" ("owner_id") `);
    await queryRunner.query(`CREATE INDEX "ix_result_organization" ON "result" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "ix_result_status_published_at" ON "result" ("status", "published_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_result_code" ON "result" ("code") `);
    await queryRunner.query(`CREATE TABLE "result_ip_asset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "result_id" uuid NOT NULL, "type" character varying(30) NOT NULL, "number" character varying(60) NOT NULL, "title" character varying(200), "status" character varying(20) NOT NULL, "position" smallint NOT NULL DEFAULT '0', CONSTRAINT "PK_2076ccaf53ffaa27815fe87f9c6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_result_ip_asset_result" ON "result_ip_asset" ("result_id") `);
    await queryRunner.query(`CREATE INDEX "ix_result_ip_asset_number" ON "result_ip_asset" ("number") `);
    await queryRunner.query(`CREATE TABLE "synonym_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "terms" text array NOT NULL, CONSTRAINT "PK_8d02b12b2de8772ae982054d4ba" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "technology_field" ("code" character varying(40) NOT NULL, "parent_code" character varying(40), "name_zh" character varying(100) NOT NULL, "name_en" character varying(200) NOT NULL, "sort" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_662967a31286a485c79f46ce6aa" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE INDEX "ix_technology_field_parent" ON "technology_field" ("parent_code") `);
    await queryRunner.query(`ALTER TABLE "result_ip_asset" ADD CONSTRAINT "fk_result_ip_asset_result" FOREIGN KEY ("result_id") REFERENCES "result"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "technology_field" ADD CONSTRAINT "fk_technology_field_parent" FOREIGN KEY ("parent_code") REFERENCES "technology_field"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "technology_field" DROP CONSTRAINT "fk_technology_field_parent"`);
    await queryRunner.query(`ALTER TABLE "result_ip_asset" DROP CONSTRAINT "fk_result_ip_asset_result"`);
    await queryRunner.query(`DROP INDEX "public"."ix_technology_field_parent"`);
    await queryRunner.query(`DROP TABLE "technology_field"`);
    await queryRunner.query(`DROP TABLE "synonym_group"`);
    await queryRunner.query(`DROP INDEX "public"."ix_result_ip_asset_number"`);
    await queryRunner.query(`DROP INDEX "public"."ix_result_ip_asset_result"`);
    await queryRunner.query(`DROP TABLE "result_ip_asset"`);
    await queryRunner.query(`DROP INDEX "public"."uq_result_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_result_status_published_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_result_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ix_result_owner"`);
    await queryRunner.query(`DROP TABLE "result"`);
    await queryRunner.query(`DROP INDEX "public"."uq_need_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_need_status_published_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_need_organization"`);
    await queryRunner.query(`DROP INDEX "public"."ix_need_owner"`);
    await queryRunner.query(`DROP TABLE "need"`);
    await queryRunner.query(`DROP INDEX "public"."ix_listing_history_listing"`);
    await queryRunner.query(`DROP TABLE "listing_history"`);
    await queryRunner.query(`DROP INDEX "public"."ix_import_job_created_by"`);
    await queryRunner.query(`DROP TABLE "import_job"`);
  }
}
