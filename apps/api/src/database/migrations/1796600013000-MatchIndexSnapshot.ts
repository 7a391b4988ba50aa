import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchIndexSnapshot1796600013000 implements MigrationInterface {
  name = 'MatchIndexSnapshot1796600013000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "match_index_snapshot" ("version" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "feed_position" bigint NOT NULL, "analyzer_key" character varying(64) NOT NULL, "results" integer NOT NULL, "needs" integer NOT NULL, "raw_bytes" bigint NOT NULL, "payload" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_837ef1cb8d2abd32dfc9c9cc423" PRIMARY KEY ("version"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "match_index_snapshot"`);
  }
}
