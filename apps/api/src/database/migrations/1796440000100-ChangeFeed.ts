import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChangeFeed1796440000100 implements MigrationInterface {
  name = 'ChangeFeed1796440000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "change_feed" ("position" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "topic" character varying(40) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bd38a8e9f9db4c64ac0e9334120" PRIMARY KEY ("position"))`);
    await queryRunner.query(`CREATE INDEX "ix_change_feed_topic_position" ON "change_feed" ("topic", "position") `);
    await queryRunner.query(`CREATE TABLE "feed_consumer_position" ("instance" character varying(120) NOT NULL, "consumer" character varying(60) NOT NULL, "position" bigint NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e9daa8dded13712024a5bd40f9" PRIMARY KEY ("instance", "consumer"))`);
    await queryRunner.query(`ALTER TABLE "outbox_mail" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_mail" DROP COLUMN "claimed_until"`);
    await queryRunner.query(`DROP TABLE "feed_consumer_position"`);
    await queryRunner.query(`DROP INDEX "public"."ix_change_feed_topic_position"`);
    await queryRunner.query(`DROP TABLE "change_feed"`);
  }
}
