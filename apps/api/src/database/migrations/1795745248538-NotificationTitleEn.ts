import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationTitleEn1795745248538 implements MigrationInterface {
  name = 'NotificationTitleEn1795745248538';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "title_en" character varying(300)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "title_en"`);
  }
}
