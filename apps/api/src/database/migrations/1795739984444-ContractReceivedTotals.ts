import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * tech_contract.received_fen / first_received_on: the sum and first date of the contract's payments,
 * kept by a trigger so every way a payment is written (the API, an import, a bench load in SQL) keeps
 * them true. The trigger locks the contract row first and only then recomputes, so two payments
 * recorded at once both count (a statement after the lock sees the other's committed row).
 */
export class ContractReceivedTotals1795739984444 implements MigrationInterface {
  name = 'ContractReceivedTotals1795739984444';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tech_contract" ADD "received_fen" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "tech_contract" ADD "first_received_on" date`);
    await queryRunner.query(`
      CREATE FUNCTION xkx_contract_received_refresh(target uuid) RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM 1 FROM tech_contract WHERE id = target FOR UPDATE;
        UPDATE tech_contract c SET received_fen = t.total, first_received_on = t.first
          FROM (SELECT coalesce(sum(amount_fen), 0) AS total, min(received_on) AS first FROM contract_payment WHERE contract_id = target) t
          WHERE c.id = target;
      END $fn$`);
    await queryRunner.query(`
      CREATE FUNCTION xkx_contract_payment_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM xkx_contract_received_refresh(OLD.contract_id); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.contract_id IS DISTINCT FROM OLD.contract_id) THEN
          PERFORM xkx_contract_received_refresh(NEW.contract_id);
        END IF;
        RETURN NULL;
      END $fn$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_contract_payment_received AFTER INSERT OR UPDATE OR DELETE ON contract_payment
      FOR EACH ROW EXECUTE FUNCTION xkx_contract_payment_changed()`);
    await queryRunner.query(`
      UPDATE tech_contract c SET received_fen = t.total, first_received_on = t.first
      FROM (SELECT contract_id, sum(amount_fen) AS total, min(received_on) AS first FROM contract_payment GROUP BY contract_id) t
      WHERE c.id = t.contract_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_contract_payment_received ON contract_payment`);
    await queryRunner.query(`DROP FUNCTION xkx_contract_payment_changed()`);
    await queryRunner.query(`DROP FUNCTION xkx_contract_received_refresh(uuid)`);
    await queryRunner.query(`ALTER TABLE "tech_contract" DROP COLUMN "first_received_on"`);
    await queryRunner.query(`ALTER TABLE "tech_contract" DROP COLUMN "received_fen"`);
  }
}
