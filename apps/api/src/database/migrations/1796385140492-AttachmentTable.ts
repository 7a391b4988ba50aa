import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttachmentTable1796385140492 implements MigrationInterface {
  name = 'AttachmentTable1796385140492';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "target_type" character varying(20) NOT NULL, "target_id" uuid NOT NULL, "category" character varying(30) NOT NULL, "file_name" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "uploaded_by_id" uuid, CONSTRAINT "PK_d2a80c3a8d467f08a750ac4b420" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_attachment_storage_key" ON "attachment" ("storage_key") `);
    await queryRunner.query(`CREATE INDEX "ix_attachment_target" ON "attachment" ("target_type", "target_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "attachment" ADD CONSTRAINT "fk_attachment_uploaded_by" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attachment" DROP CONSTRAINT "fk_attachment_uploaded_by"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attachment_target"`);
    await queryRunner.query(`DROP INDEX "public"."uq_attachment_storage_key"`);
    await queryRunner.query(`DROP TABLE "attachment"`);
  }
}
