import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationPreferencesAndLinks1796407112461 implements MigrationInterface {
  name = 'NotificationPreferencesAndLinks1796407112461';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "digest_mail" boolean NOT NULL DEFAULT true, "digest_hour" smallint NOT NULL DEFAULT '8', "weekly_matches" boolean NOT NULL DEFAULT false, "last_digest_on" date, "last_weekly_on" date, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_notification_preference_digest_hour" CHECK ("digest_hour" BETWEEN 0 AND 23), CONSTRAINT "PK_ff040d2d2e35c49b00525783829" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "link" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "notification_preference" ADD CONSTRAINT "fk_notification_preference_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "fk_notification_preference_user"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "link"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
  }
}
