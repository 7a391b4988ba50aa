import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hand-written: extensions are not entities, so the generator cannot emit them. */
export class EnableExtensions1764100000000 implements MigrationInterface {
  name = 'EnableExtensions1764100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
