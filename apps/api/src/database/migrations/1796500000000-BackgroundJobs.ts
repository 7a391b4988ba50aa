import { MigrationInterface, QueryRunner } from 'typeorm';

export class BackgroundJobs1796500000000 implements MigrationInterface {
  name = 'BackgroundJobs1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "background_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(60) NOT NULL, "key" character varying(200), "scheduled" boolean NOT NULL DEFAULT false, "state" character varying(10) NOT NULL, "payload" jsonb NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "max_attempts" integer NOT NULL, "backoff_ms" integer NOT NULL, "failure" text, "dispatched" boolean NOT NULL DEFAULT false, "locked_until" TIMESTAMP WITH TIME ZONE, "slot" bigint, "run_after" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fed82f6367edf1165d86b784041" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_background_job_created_at" ON "background_job" ("created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_background_job_state_run_after" ON "background_job" ("state", "run_after") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_background_job_key" ON "background_job" ("key") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ux_background_job_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_background_job_state_run_after"`);
    await queryRunner.query(`DROP INDEX "public"."ix_background_job_created_at"`);
    await queryRunner.query(`DROP TABLE "background_job"`);
  }
}
