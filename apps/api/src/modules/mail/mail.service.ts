import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { EntityManager, In, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { OutboxMailEntity } from './outbox-mail.entity';

const DISPATCH_INTERVAL_MS = 5000;
const MAX_ATTEMPTS = 5;
const FROM = '霞科行 <noreply@xiakexing.local>';

export interface Mail {
  to: string;
  subject: string;
  body: string;
  /** Files sent with the mail (a monthly report's workbook); stored in the outbox row with it. */
  attachments?: Array<{ fileName: string; contentType: string; content: Buffer }>;
}

/**
 * Mail goes into the outbox table inside the caller's transaction; a dispatcher sends it over
 * SMTP when SMTP_URL is set. Without SMTP, admins read the outbox in the app.
 */
@Injectable()
export class MailService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private transport: Transporter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dispatching = false;

  constructor(
    @InjectRepository(OutboxMailEntity) private readonly outbox: Repository<OutboxMailEntity>,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.SMTP_URL) return;
    this.transport = createTransport(this.config.SMTP_URL);
    this.timer = setInterval(() => void this.dispatch(), DISPATCH_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.transport?.close();
  }

  async enqueue(mail: Mail, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(OutboxMailEntity) : this.outbox;
    const attachments = mail.attachments?.map((a) => ({ fileName: a.fileName, contentType: a.contentType, contentBase64: a.content.toString('base64') }));
    await repo.insert({ toAddress: mail.to, subject: mail.subject, body: mail.body, status: 'PENDING', attachments: attachments?.length ? attachments : null });
  }

  async list(limit: number, offset: number): Promise<{ items: OutboxMailEntity[]; total: number }> {
    const [items, total] = await this.outbox.findAndCount({ order: { createdAt: 'DESC' }, take: limit, skip: offset });
    return { items, total };
  }

  /** Sends what is pending; safe to call concurrently (one run at a time per process). */
  async dispatch(): Promise<number> {
    if (!this.transport || this.dispatching) return 0;
    this.dispatching = true;
    let sent = 0;
    try {
      const pending = await this.outbox
        .createQueryBuilder('m')
        .addSelect('m.attachments')
        .where({ status: In(['PENDING']) })
        .orderBy('m.createdAt', 'ASC')
        .take(20)
        .getMany();
      for (const mail of pending) {
        try {
          const attachments = (mail.attachments ?? []).map((a) => ({ filename: a.fileName, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') }));
          await this.transport.sendMail({ from: FROM, to: mail.toAddress, subject: mail.subject, text: mail.body, ...(attachments.length ? { attachments } : {}) });
          await this.outbox.update(mail.id, { status: 'SENT', sentAt: new Date(), attempts: mail.attempts + 1, lastError: null });
          sent++;
        } catch (error) {
          const attempts = mail.attempts + 1;
          await this.outbox.update(mail.id, {
            attempts,
            status: attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING',
            lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          });
        }
      }
    } catch (error) {
      this.logger.warn(`outbox dispatch failed: ${String(error)}`);
    } finally {
      this.dispatching = false;
    }
    return sent;
  }
}
