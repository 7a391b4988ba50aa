import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditSubjectLabel1796385200000 implements MigrationInterface {
  name = 'AuditSubjectLabel1796385200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "subject_label" character varying(300)`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_subject_type_id" ON "audit_log" ("subject_type", "subject_id", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_subject_type_id"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "subject_label"`);
  }
}
