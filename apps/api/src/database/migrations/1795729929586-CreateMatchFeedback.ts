import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMatchFeedback1795729929586 implements MigrationInterface {
  name = 'CreateMatchFeedback1795729929586';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "broker_match_view" ("user_id" uuid NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5ef9df22d20673c0b8f894112aa" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "match_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "need_id" uuid NOT NULL, "result_id" uuid NOT NULL, "verdict" character varying(10) NOT NULL, "reason" character varying(30), "note" text, "actor_id" uuid, "source" character varying(20) NOT NULL, CONSTRAINT "PK_a9264ade30c49f70740ae0ca5b8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_match_feedback_pair" ON "match_feedback" ("need_id", "result_id", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_match_feedback_pair"`);
    await queryRunner.query(`DROP TABLE "match_feedback"`);
    await queryRunner.query(`DROP TABLE "broker_match_view"`);
  }
}
