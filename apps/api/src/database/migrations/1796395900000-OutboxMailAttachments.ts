import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxMailAttachments1796395900000 implements MigrationInterface {
  name = 'OutboxMailAttachments1796395900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_mail" ADD "attachments" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_mail" DROP COLUMN "attachments"`);
  }
}
