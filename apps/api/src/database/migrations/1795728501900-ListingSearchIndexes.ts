import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: GIN indexes need access methods the entity decorators cannot express
 * (the entities declare them with synchronize: false), and code sequences are not entities.
 */
export class ListingSearchIndexes1795728501900 implements MigrationInterface {
  name = 'ListingSearchIndexes1795728501900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, modes] of [
      ['result', 'transfer_modes'],
      ['need', 'cooperation_modes'],
    ] as const) {
      await queryRunner.query(`CREATE INDEX "ix_${table}_search_doc" ON "${table}" USING GIN ("search_doc")`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_field_paths" ON "${table}" USING GIN ("field_paths")`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_${modes}" ON "${table}" USING GIN ("${modes}")`);
      await queryRunner.query(`CREATE SEQUENCE "${table}_code_seq"`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, modes] of [
      ['result', 'transfer_modes'],
      ['need', 'cooperation_modes'],
    ] as const) {
      await queryRunner.query(`DROP SEQUENCE "${table}_code_seq"`);
      await queryRunner.query(`DROP INDEX "ix_${table}_${modes}"`);
      await queryRunner.query(`DROP INDEX "ix_${table}_field_paths"`);
      await queryRunner.query(`DROP INDEX "ix_${table}_search_doc"`);
    }
  }
}
