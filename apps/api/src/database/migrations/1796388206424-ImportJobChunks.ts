import { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportJobChunks1796388206424 implements MigrationInterface {
  name = 'ImportJobChunks1796388206424';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "import_job_listing" ("job_id" uuid NOT NULL, "listing_id" uuid NOT NULL, CONSTRAINT "PK_b09469c462e147a7d86513d0dd3" PRIMARY KEY ("job_id", "listing_id"))`);
    await queryRunner.query(`ALTER TABLE "import_job" ADD "publish" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "import_job" ADD "heartbeat_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_import_job_status" ON "import_job" ("status") `);
    await queryRunner.query(`ALTER TABLE "import_job_listing" ADD CONSTRAINT "fk_import_job_listing_job" FOREIGN KEY ("job_id") REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job_listing" DROP CONSTRAINT "fk_import_job_listing_job"`);
    await queryRunner.query(`DROP INDEX "public"."ix_import_job_status"`);
    await queryRunner.query(`ALTER TABLE "import_job" DROP COLUMN "heartbeat_at"`);
    await queryRunner.query(`ALTER TABLE "import_job" DROP COLUMN "publish"`);
    await queryRunner.query(`DROP TABLE "import_job_listing"`);
  }
}
