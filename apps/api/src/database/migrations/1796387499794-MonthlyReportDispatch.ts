import { MigrationInterface, QueryRunner } from 'typeorm';

export class MonthlyReportDispatch1796387499794 implements MigrationInterface {
  name = 'MonthlyReportDispatch1796387499794';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "monthly_report_dispatch" ("month" character(7) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recipients" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_2ee7edb8b54ca30d8c79abada40" PRIMARY KEY ("month"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "monthly_report_dispatch"`);
  }
}
