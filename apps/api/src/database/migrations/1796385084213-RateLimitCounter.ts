import { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimitCounter1796385084213 implements MigrationInterface {
  name = 'RateLimitCounter1796385084213';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rate_limit_counter" ("key" character varying(80) NOT NULL, "hits" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5bfa3ad3fe33321b1d17eae4746" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE INDEX "ix_rate_limit_counter_expires" ON "rate_limit_counter" ("expires_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_rate_limit_counter_expires"`);
    await queryRunner.query(`DROP TABLE "rate_limit_counter"`);
  }
}
