import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { EntityManager, In, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobsService } from '@xkx/api/modules/jobs/jobs.service';
import { OutboxMailEntity } from './outbox-mail.entity';

const DISPATCH_INTERVAL_MS = 5000;
/** The background job that sends the outbox (with SMTP_URL). */
export const MAIL_DISPATCH_JOB = 'mail.dispatch';
const MAX_ATTEMPTS = 5;
/** How long a dispatcher owns the rows it claimed; one that died mid-send leaves them to others after this. */
const CLAIM_MS = 5 * 60 * 1000;
const BATCH = 20;
const FROM = '霞科行 <noreply@xiakexing.local>';

export interface Mail {
  to: string;
  subject: string;
  body: string;
  /** Files sent with the mail (a monthly report's workbook); stored in the outbox row with it. */
  attachments?: Array<{ fileName: string; contentType: string; content: Buffer }>;
}

/**
 * Mail goes into the outbox table inside the caller's transaction; a scheduled background job
 * (MAIL_DISPATCH_JOB) sends it over SMTP when SMTP_URL is set. Without SMTP, admins read the outbox in the app.
 */
@Injectable()
export class MailService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private transport: Transporter | undefined;
  private dispatching = false;

  constructor(
    @InjectRepository(OutboxMailEntity) private readonly outbox: Repository<OutboxMailEntity>,
    private readonly config: AppConfig,
    jobs: JobsService,
  ) {
    // A scheduled background job: every few seconds, on one worker (REDIS_URL) or on one instance per period.
    if (config.SMTP_URL) jobs.schedule(MAIL_DISPATCH_JOB, () => this.dispatch(), { everyMs: DISPATCH_INTERVAL_MS, firstAfterMs: DISPATCH_INTERVAL_MS, attempts: 1 });
  }

  onModuleInit(): void {
    if (this.config.SMTP_URL) this.transport = createTransport(this.config.SMTP_URL);
  }

  onApplicationShutdown(): void {
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

  /**
   * Sends what is pending; safe to call concurrently, in one process (one run at a time) and across
   * processes: each run claims its rows first (see claim), so no two dispatchers send the same mail.
   */
  async dispatch(): Promise<number> {
    if (!this.transport || this.dispatching) return 0;
    this.dispatching = true;
    let sent = 0;
    try {
      const ids = await this.claim();
      const pending = ids.length
        ? await this.outbox.createQueryBuilder('m').addSelect('m.attachments').where({ id: In(ids) }).orderBy('m.createdAt', 'ASC').getMany()
        : [];
      for (const mail of pending) {
        try {
          const attachments = (mail.attachments ?? []).map((a) => ({ filename: a.fileName, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') }));
          await this.transport.sendMail({ from: FROM, to: mail.toAddress, subject: mail.subject, text: mail.body, ...(attachments.length ? { attachments } : {}) });
          await this.outbox.update(mail.id, { status: 'SENT', sentAt: new Date(), attempts: mail.attempts + 1, lastError: null, claimedUntil: null });
          sent++;
        } catch (error) {
          const attempts = mail.attempts + 1;
          await this.outbox.update(mail.id, {
            attempts,
            status: attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING',
            claimedUntil: null,
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

  /**
   * Claims the oldest pending rows nobody holds: one statement that skips rows another dispatcher is
   * claiming right now (FOR UPDATE SKIP LOCKED) and marks the rest as taken until CLAIM_MS from now.
   */
  private async claim(): Promise<string[]> {
    const result: unknown = await this.outbox.query(
      `UPDATE outbox_mail SET claimed_until = now() + $2 * interval '1 millisecond'
       WHERE id IN (SELECT id FROM outbox_mail WHERE status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < now())
                    ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [BATCH, CLAIM_MS],
    );
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }
}
