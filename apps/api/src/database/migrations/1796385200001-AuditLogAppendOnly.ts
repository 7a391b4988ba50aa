import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail is append-only: a row, once written, is never changed or removed, whatever the client
 * (the app, an import, psql). Triggers refuse UPDATE, DELETE and TRUNCATE; INSERT (and a restore into a
 * fresh database) is untouched. Hand-written: triggers are not entity metadata.
 */
export class AuditLogAppendOnly1796385200001 implements MigrationInterface {
  name = 'AuditLogAppendOnly1796385200001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION xkx_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $fn$`);
    await queryRunner.query(`CREATE TRIGGER "trg_audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION xkx_audit_log_append_only()`);
    await queryRunner.query(`CREATE TRIGGER "trg_audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION xkx_audit_log_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_audit_log_no_truncate" ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER "trg_audit_log_append_only" ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION xkx_audit_log_append_only()`);
  }
}
