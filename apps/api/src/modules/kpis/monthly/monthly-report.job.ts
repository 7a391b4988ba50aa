import { shanghaiDate } from '@xkx/util';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobsService } from '@xkx/api/modules/jobs/jobs.service';
import { PeriodicJob } from '@xkx/api/modules/jobs/periodic-job';
import { MailService } from '@xkx/api/modules/mail/mail.service';
import { MonthlyReportService } from './monthly-report.service';
import { fenToWanYuan, previousMonth } from './wan-yuan';

const CHECK_EVERY_MS = 60 * 60 * 1000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Mails last month's report to every active administrator once the month has turned (the 1st, Asia/Shanghai;
 * later if the app was down then). An hourly scheduled background job; the claim is a row keyed by the
 * month, inserted in the same transaction as the mails, so whatever runs it sends each month exactly once.
 */
@Injectable()
export class MonthlyReportJob extends PeriodicJob<number> {
  private readonly logger = new Logger(MonthlyReportJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: MonthlyReportService,
    private readonly mail: MailService,
    jobs: JobsService,
  ) {
    super(jobs, { name: 'kpi.monthly-report', firstAfterMs: 30_000, everyMs: CHECK_EVERY_MS });
  }

  protected pass(now: Date): Promise<number> {
    return this.sendDue(now);
  }

  /** Sends the month before `now` unless some instance already did; returns the recipients (0 = nothing to do). */
  async sendDue(now = new Date()): Promise<number> {
    const month = previousMonth(shanghaiDate(now));
    const { summary } = await this.reports.summary(month);
    // The workbook as it stands at the month's turn, sent with the mail (the download stays for later figures).
    const workbook = await this.reports.workbook(month);
    return this.dataSource.transaction(async (manager) => {
      const claimed = await manager.query<Array<{ month: string }>>(
        `INSERT INTO monthly_report_dispatch (month) VALUES ($1) ON CONFLICT (month) DO NOTHING RETURNING month`,
        [month],
      );
      if (claimed.length === 0) return 0;
      const admins = await manager.query<Array<{ email: string }>>(
        `SELECT email FROM app_user WHERE role = 'ADMIN' AND status = 'ACTIVE' ORDER BY email`,
      );
      const [y, m] = month.split('-');
      const body = [
        `${y}年${Number(m)}月栖霞区技术转移工作月报已生成。`,
        '',
        `本月计入统计的技术合同：${summary.projects} 份，合同成交额 ${fenToWanYuan(summary.contractAmountFen).toFixed(2)} 万元，技术交易额 ${fenToWanYuan(summary.technicalAmountFen).toFixed(2)} 万元，实际到账 ${fenToWanYuan(summary.receivedFen).toFixed(2)} 万元。`,
        `本年累计：${summary.yearProjects} 份，合同成交额 ${fenToWanYuan(summary.yearContractAmountFen).toFixed(2)} 万元。`,
        '',
        `完整报表（含合同明细、奖补测算、重点企业研发投入与指标说明）见附件；之后更新的数字请在平台“统计看板”中下载：/api/kpis/reports/monthly.xlsx?month=${month}`,
      ].join('\n');
      for (const admin of admins)
        await this.mail.enqueue(
          {
            to: admin.email,
            subject: `【霞科行】${y}年${Number(m)}月技术转移工作月报`,
            body,
            attachments: [{ fileName: `栖霞区技术转移工作月报-${month}.xlsx`, contentType: XLSX_TYPE, content: workbook }],
          },
          manager,
        );
      await manager.query(`UPDATE monthly_report_dispatch SET recipients = $2 WHERE month = $1`, [
        month,
        admins.length,
      ]);
      this.logger.log(`monthly report ${month} mailed to ${admins.length} administrators`);
      return admins.length;
    });
  }
}
