import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AuditAction, auditDiff, ErrorCode } from '@xkx/contracts';
import { sumFen } from '@xkx/util';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { findOrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';
import { MyRndSpendingDto, RndSpendingDto, RndSpendingReportDto, RndSpendingRowDto } from './dto/kpi-response.dto';
import { PutRndSpendingDto } from './dto/kpi-query.dto';
import { RndSpendingEntity } from './entities/rnd-spending.entity';
import { KPI_CONFIG, KpiConfig } from './kpi-config';
import { growthBp, meetsGrowth } from './kpi-math';
import { recordAudit } from '@xkx/api/modules/audit/audit.service';

/** R&D spending (研发投入) of key monitored enterprises (重点监测企业) and its growth against the target. */
@Injectable()
export class RndSpendingService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(KPI_CONFIG) private readonly config: KpiConfig,
  ) {}

  /** An enterprise enters its own; a broker (or admin) any key monitored enterprise's. Without a note, the stored one is kept. */
  async put(organizationId: string, year: number, dto: PutRndSpendingDto, user: AuthUser): Promise<RndSpendingDto> {
    if (user.role === 'ENTERPRISE' && user.organizationId !== organizationId) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
    return this.dataSource.transaction(async (manager) => {
      const org = await findOrganizationFacts(manager, organizationId);
      if (!org) throw DomainException.notFound(ErrorCode.ORGANIZATION_NOT_FOUND);
      if (org.kind !== 'ENTERPRISE' || !org.isKeyMonitored) throw new DomainException(ErrorCode.KPI_ENTERPRISE_NOT_MONITORED, HttpStatus.BAD_REQUEST);
      // A correction of the amount alone (no note sent) keeps what was noted; an empty note clears it.
      const stored = await manager.findOne(RndSpendingEntity, { where: { organizationId, year }, lock: { mode: 'pessimistic_write' } });
      const note = dto.note === undefined ? (stored?.note ?? null) : dto.note || null;
      await manager.upsert(RndSpendingEntity, { organizationId, year, amountFen: dto.amountFen, note, enteredById: user.id }, ['organizationId', 'year']);
      await recordAudit(manager, {
        action: AuditAction.RND_SPENDING_CHANGED, actorId: user.id, subjectType: 'rnd_spending', subjectLabel: `${org.nameZh} ${year}`,
        changes: auditDiff({ spendingFen: stored?.amountFen ?? null, note: stored?.note ?? null }, { spendingFen: dto.amountFen, note }, ['spendingFen', 'note']),
        details: { year },
      });
      return { organizationId, year, amountFen: dto.amountFen, note };
    });
  }

  /** The caller's own enterprise, so it can see what it entered (the report is for brokers). */
  async mine(year: number, user: AuthUser): Promise<MyRndSpendingDto> {
    const target = this.config.rndGrowthTargetPercent;
    const org = user.organizationId ? await findOrganizationFacts(this.dataSource.manager, user.organizationId) : null;
    const keyMonitored = !!org && org.kind === 'ENTERPRISE' && org.isKeyMonitored;
    const empty = { amountFen: null, note: null, previousAmountFen: null, growthBp: null, meetsTarget: null };
    if (!org || !keyMonitored) return { year, organizationId: org?.id ?? null, name: org?.nameZh ?? null, keyMonitored, targetGrowthPercent: target, ...empty };
    const rows = await this.dataSource.manager.find(RndSpendingEntity, { where: [{ organizationId: org.id, year }, { organizationId: org.id, year: year - 1 }] });
    const cur = rows.find((r) => r.year === year) ?? null;
    const prev = rows.find((r) => r.year === year - 1) ?? null;
    const both = cur !== null && prev !== null;
    return {
      year,
      organizationId: org.id,
      name: org.nameZh,
      keyMonitored,
      targetGrowthPercent: target,
      amountFen: cur?.amountFen ?? null,
      note: cur?.note ?? null,
      previousAmountFen: prev?.amountFen ?? null,
      growthBp: both ? growthBp(cur.amountFen, prev.amountFen) : null,
      meetsTarget: both ? meetsGrowth(cur.amountFen, prev.amountFen, target) : null,
    };
  }

  async report(year: number): Promise<RndSpendingReportDto> {
    const rows = await this.dataSource.query<Array<{ id: string; name_zh: string; cur: string | null; prev: string | null }>>(
      `SELECT o.id, o.name_zh, cur.amount_fen::text AS cur, prev.amount_fen::text AS prev
       FROM organization o
       LEFT JOIN rnd_spending cur ON cur.organization_id = o.id AND cur.year = $1
       LEFT JOIN rnd_spending prev ON prev.organization_id = o.id AND prev.year = $1 - 1
       WHERE o.kind = 'ENTERPRISE' AND o.is_key_monitored
       ORDER BY o.name_zh, o.id`,
      [year],
    );
    const target = this.config.rndGrowthTargetPercent;
    const enterprises: RndSpendingRowDto[] = rows.map((r) => {
      const amountFen = r.cur === null ? null : Number(r.cur);
      const previousAmountFen = r.prev === null ? null : Number(r.prev);
      const both = amountFen !== null && previousAmountFen !== null;
      return {
        organizationId: r.id,
        name: r.name_zh,
        amountFen,
        previousAmountFen,
        growthBp: both ? growthBp(amountFen, previousAmountFen) : null,
        meetsTarget: both ? meetsGrowth(amountFen, previousAmountFen, target) : null,
      };
    });
    const comparable = enterprises.filter((e) => e.amountFen !== null && e.previousAmountFen !== null);
    const totalFen = sumFen(comparable.map((e) => e.amountFen ?? 0));
    const previousTotalFen = sumFen(comparable.map((e) => e.previousAmountFen ?? 0));
    return {
      year,
      targetGrowthPercent: target,
      enterprises,
      totalFen,
      previousTotalFen,
      growthBp: comparable.length ? growthBp(totalFen, previousTotalFen) : null,
      meetsTarget: comparable.length ? meetsGrowth(totalFen, previousTotalFen, target) : null,
    };
  }
}
