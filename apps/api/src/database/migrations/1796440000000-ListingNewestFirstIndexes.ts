import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search's newest-first pages order by `published_at DESC NULLS LAST, id DESC`. The old (status, published_at)
 * index could not give that order (a backward scan puts NULLs first), so a filter-only first page at 100,000
 * results read every matching row and sorted them (118 ms); in the page's own order the scan stops after the
 * first page (0.7 ms), and a cursor page starts at its cursor (issue 14). Written by hand: TypeORM's index
 * decorator cannot say DESC NULLS LAST, so the entities declare these indexes with `synchronize: false`.
 */
export class ListingNewestFirstIndexes1796440000000 implements MigrationInterface {
  name = 'ListingNewestFirstIndexes1796440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['result', 'need']) {
      await queryRunner.query(`DROP INDEX "public"."ix_${table}_status_published_at"`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_status_published_at" ON "${table}" ("status", "published_at" DESC NULLS LAST, "id" DESC)`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['result', 'need']) {
      await queryRunner.query(`DROP INDEX "public"."ix_${table}_status_published_at"`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_status_published_at" ON "${table}" ("status", "published_at") `);
    }
  }
}
