import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table a KPI figure reads from. */
const SOURCES = [
  'tech_contract', 'contract_payment', 'contract_type', 'deal', 'deal_participant', 'introduction', 'match_feedback',
  'organization', 'technology_field', 'kpi_related_party_mark', 'kpi_target', 'kpi_institution_target', 'rnd_spending',
];

/**
 * kpi_data_version: one counter bumped by every transaction that changes what a KPI figure reads, so the
 * API can cache figures per version and never serve a stale one. The bump is a deferred constraint
 * trigger: it runs at commit, after the transaction's own statements, so the counter row is the last lock
 * a writer takes (no deadlock with row locks taken earlier), and the new version becomes visible in the
 * same commit as the data. Once per transaction (a transaction-local setting remembers it).
 */
export class KpiDataVersion1795743322200 implements MigrationInterface {
  name = 'KpiDataVersion1795743322200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "kpi_data_version" ("id" smallint PRIMARY KEY CHECK ("id" = 1), "version" bigint NOT NULL)`);
    await queryRunner.query(`INSERT INTO "kpi_data_version" ("id", "version") VALUES (1, 1)`);
    await queryRunner.query(`
      CREATE FUNCTION xkx_kpi_data_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF current_setting('xkx.kpi_bumped_in', true) IS DISTINCT FROM txid_current()::text THEN
          PERFORM set_config('xkx.kpi_bumped_in', txid_current()::text, true);
          UPDATE kpi_data_version SET version = version + 1 WHERE id = 1;
        END IF;
        RETURN NULL;
      END $fn$`);
    for (const table of SOURCES) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "trg_kpi_version_${table}" AFTER INSERT OR UPDATE OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION xkx_kpi_data_changed()`,
      );
    }
    // Users: only what the ledger reads (a broker's name and organization), not every sign-in's last_login_at.
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER "trg_kpi_version_app_user" AFTER INSERT OR UPDATE OF "name", "organization_id", "role" OR DELETE ON "app_user" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION xkx_kpi_data_changed()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_kpi_version_app_user" ON "app_user"`);
    for (const table of [...SOURCES].reverse()) await queryRunner.query(`DROP TRIGGER "trg_kpi_version_${table}" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION xkx_kpi_data_changed()`);
    await queryRunner.query(`DROP TABLE "kpi_data_version"`);
  }
}
