import { Injectable } from '@nestjs/common';
import { auditActionLabel, auditEntityLabel, auditEntityPath, describeAuditDetails } from '@xkx/contracts';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { beijingDateTime, boldHeader, DATE_TIME_FORMAT } from '../../common/excel/excel-cells';
import { AuditLogEntity } from './audit-log.entity';
import { AuditLogResponseDto } from './dto/audit-log-response.dto';

/** Turns stored entries into what people read: names for ids, labels for codes, before → after. */
@Injectable()
export class AuditPresenterService {
  constructor(private readonly dataSource: DataSource) {}

  async present(entries: readonly AuditLogEntity[]): Promise<AuditLogResponseDto[]> {
    const actorIds = [...new Set(entries.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
    const actors = new Map<string, { name: string; email: string }>();
    if (actorIds.length) {
      const rows: Array<{ id: string; name: string; email: string }> = await this.rows('app_user', ['id', 'name', 'email'], actorIds);
      for (const r of rows) actors.set(r.id, r);
    }
    const dealOf = await this.dealIds(entries);
    const types = await this.contractTypeNames(entries);
    return entries.map((e) => {
      const { changes, facts } = describeAuditDetails(e.action, e.details);
      // Contract types are data (configurable), so their names come from the table, not the contracts lib.
      for (const c of changes) {
        if (c.field !== 'typeCode') continue;
        c.from = types.get(c.from['zh-CN']) ?? c.from;
        c.to = types.get(c.to['zh-CN']) ?? c.to;
      }
      const actor = e.actorId ? actors.get(e.actorId) : undefined;
      const typeLabel = auditEntityLabel(e.subjectType);
      return Object.assign(new AuditLogResponseDto(), {
        id: e.id,
        createdAt: e.createdAt.toISOString(),
        action: e.action,
        actionLabel: auditActionLabel(e.action),
        actorId: e.actorId,
        actorEmail: e.actorEmail,
        actor: e.actorId || e.actorEmail ? { id: e.actorId, name: actor?.name ?? null, email: actor?.email ?? e.actorEmail } : null,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        subject: e.subjectType && typeLabel
          ? { type: e.subjectType, typeLabel, id: e.subjectId, label: e.subjectLabel, path: auditEntityPath(e.subjectType, e.subjectId, e.subjectId ? dealOf.get(e.subjectId) : null) }
          : null,
        ip: e.ip,
        userAgent: e.userAgent,
        changes,
        facts,
        details: e.details,
      });
    });
  }

  /** The audit page as a workbook: one row per entry, one line per change, in Chinese. */
  async workbook(entries: readonly AuditLogEntity[]): Promise<Buffer> {
    const views = await this.present(entries);
    const wb = new Workbook();
    const sheet = wb.addWorksheet('审计日志');
    sheet.columns = [
      { header: '时间', key: 'at', width: 20, style: { numFmt: `${DATE_TIME_FORMAT}:ss` } },
      { header: '操作', key: 'action', width: 18 },
      { header: '操作人', key: 'actor', width: 26 },
      { header: '对象类型', key: 'type', width: 12 },
      { header: '对象', key: 'subject', width: 36 },
      { header: '变更（原值 → 新值）', key: 'changes', width: 60 },
      { header: '说明', key: 'facts', width: 40 },
      { header: 'IP地址', key: 'ip', width: 16 },
    ];
    boldHeader(sheet);
    for (const v of views) {
      const row = sheet.addRow({
        at: beijingDateTime(v.createdAt),
        action: v.actionLabel['zh-CN'],
        actor: v.actor ? [v.actor.name, v.actor.email].filter(Boolean).join(' ') : '系统',
        type: v.subject?.typeLabel['zh-CN'] ?? '',
        subject: v.subject?.label ?? '',
        changes: v.changes.map((c) => `${c.label['zh-CN']}：${c.from['zh-CN']} → ${c.to['zh-CN']}`).join('\n'),
        facts: v.facts.map((f) => `${f.label['zh-CN']}：${f.value['zh-CN']}`).join('\n'),
        ip: v.ip ?? '',
      });
      row.alignment = { vertical: 'top', wrapText: true };
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** Contracts and notices are shown on their deal's page. */
  private async dealIds(entries: readonly AuditLogEntity[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const contracts = [...new Set(entries.filter((e) => e.subjectType === 'contract' && e.subjectId).map((e) => e.subjectId as string))];
    const notices = [...new Set(entries.filter((e) => e.subjectType === 'public_notice' && e.subjectId).map((e) => e.subjectId as string))];
    if (contracts.length) {
      const rows: Array<{ id: string; deal_id: string | null }> = await this.rows('tech_contract', ['id', 'deal_id'], contracts);
      for (const r of rows) if (r.deal_id) out.set(r.id, r.deal_id);
    }
    if (notices.length) {
      const rows: Array<{ id: string; deal_id: string }> = await this.rows('public_notice', ['id', 'deal_id'], notices);
      for (const r of rows) out.set(r.id, r.deal_id);
    }
    return out;
  }

  private async contractTypeNames(entries: readonly AuditLogEntity[]): Promise<Map<string, { 'zh-CN': string; en: string }>> {
    const codes = new Set<string>();
    for (const e of entries) {
      const change = (e.details['changes'] as Record<string, { from?: unknown; to?: unknown }> | undefined)?.['typeCode'];
      for (const v of [change?.from, change?.to]) if (typeof v === 'string') codes.add(v);
    }
    if (codes.size === 0) return new Map();
    const rows = await this.dataSource.createQueryBuilder().select('t.code, t.name_zh, t.name_en').from('contract_type', 't').where('t.code IN (:...codes)', { codes: [...codes] }).getRawMany<{ code: string; name_zh: string; name_en: string }>();
    return new Map(rows.map((r) => [r.code, { 'zh-CN': r.name_zh, en: r.name_en }]));
  }

  private rows<T>(table: string, columns: string[], ids: string[]): Promise<T[]> {
    return this.dataSource.createQueryBuilder().select(columns.map((c) => `t.${c}`).join(', ')).from(table, 't').where('t.id IN (:...ids)', { ids }).getRawMany<T>();
  }
}
