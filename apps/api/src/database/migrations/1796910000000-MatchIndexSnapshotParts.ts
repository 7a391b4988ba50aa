import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A matching snapshot's bytes in parts of 16 MB (issue 13): one bytea value stops at ~256 MB for node-postgres
 * (read as a hex string) and at 1 GB for PostgreSQL. Existing snapshots are split the same way.
 */
export class MatchIndexSnapshotParts1796910000000 implements MigrationInterface {
  name = 'MatchIndexSnapshotParts1796910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "match_index_snapshot_part" ("version" bigint NOT NULL, "part" integer NOT NULL, "bytes" bytea NOT NULL, CONSTRAINT "PK_3d54bd5ad60c0966d170090530c" PRIMARY KEY ("version", "part"))`);
    await queryRunner.query(
      `INSERT INTO "match_index_snapshot_part" ("version", "part", "bytes") SELECT s."version", n, substring(s."payload" FROM n * 16777216 + 1 FOR 16777216) FROM "match_index_snapshot" s, generate_series(0, greatest(0, (octet_length(s."payload") - 1) / 16777216)) AS n`,
    );
    await queryRunner.query(`ALTER TABLE "match_index_snapshot" ADD "stored_bytes" bigint`);
    await queryRunner.query(`ALTER TABLE "match_index_snapshot" ADD "parts" integer`);
    await queryRunner.query(`UPDATE "match_index_snapshot" SET "stored_bytes" = octet_length("payload"), "parts" = greatest(1, (octet_length("payload") + 16777215) / 16777216)`);
    await queryRunner.query(`ALTER TABLE "match_index_snapshot" ALTER COLUMN "stored_bytes" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "match_index_snapshot" ALTER COLUMN "parts" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "match_index_snapshot" DROP COLUMN "payload"`);
    await queryRunner.query(`ALTER TABLE "match_index_snapshot_part" ADD CONSTRAINT "fk_match_index_snapshot_part_version" FOREIGN KEY ("version") REFERENCES "match_index_snapshot"("version") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_index_snapshot_part" DROP CONSTRAINT "fk_match_index_snapshot_part_version"`);
    // A snapshot too large for one value is dropped (instances then build from the listings and publish anew).
    await queryRunner.query(`DELETE FROM "match_index_snapshot" WHERE "stored_bytes" > 256 * 1024 * 1024`);
    await queryRunner.query(`ALTER TABLE "match_index_snapshot" ADD "payload" bytea`);
    await queryRunner.query(`UPDATE "match_index_snapshot" s SET "payload" = (SELECT string_agg(p."bytes", ''::bytea ORDER BY p."part") FROM "match_index_snapshot_part" p WHERE p."version" = s."version")`);
    await queryRunner.query(`DELETE FROM "match_index_snapshot" WHERE "payload" IS NULL`);
    await queryRunner.query(`ALTER TABLE "match_index_snapshot" ALTER COLUMN "payload" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "match_index_snapshot" DROP COLUMN "parts"`);
    await queryRunner.query(`ALTER TABLE "match_index_snapshot" DROP COLUMN "stored_bytes"`);
    await queryRunner.query(`DROP TABLE "match_index_snapshot_part"`);
  }
}
