import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { AuditPresenterService } from '@xkx/api/modules/audit/audit-presenter.service';
import { AuditService } from '@xkx/api/modules/audit/audit.service';
import { AuditLogResponseDto } from '@xkx/api/modules/audit/dto/audit-log-response.dto';
import { ContractsService } from './contracts.service';
import { ContractEntity } from './entities/contract.entity';
import { DealAccessService, managesDeals } from '@xkx/api/modules/deals/deal-access.service';
import { publicNoticeIdsOfDeal } from '@xkx/api/modules/deals/deal-events';

/**
 * The "history" tabs: a deal's (with its contracts and public notices) and a contract's audit entries,
 * from the same trail as the audit page, for whoever may see the deal. Addresses only for brokers.
 */
@ApiTags('contracts')
@Controller()
export class DealHistoryController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DealAccessService,
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
    private readonly presenter: AuditPresenterService,
  ) {}

  @Get('deals/:id/history')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: [AuditLogResponseDto], description: 'Oldest first' })
  async deal(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<AuditLogResponseDto[]> {
    await this.access.load(id, user);
    const m = this.dataSource.manager;
    const [contracts, noticeIds] = await Promise.all([m.find(ContractEntity, { where: { dealId: id }, select: ['id'] }), publicNoticeIdsOfDeal(m, id)]);
    const entries = await this.audit.history([
      { type: 'deal', id },
      ...contracts.map((c) => ({ type: 'contract' as const, id: c.id })),
      ...noticeIds.map((noticeId) => ({ type: 'public_notice' as const, id: noticeId })),
    ]);
    return this.shown(await this.presenter.present(entries), user);
  }

  @Get('contracts/:id/history')
  @Authenticated(Permission.DEAL_PARTICIPATE)
  @ApiOkResponse({ type: [AuditLogResponseDto], description: 'Oldest first' })
  async contract(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<AuditLogResponseDto[]> {
    await this.contracts.visible(this.dataSource.manager, id, user);
    return this.shown(await this.presenter.present(await this.audit.history([{ type: 'contract', id }])), user);
  }

  private shown(entries: AuditLogResponseDto[], user: AuthUser): AuditLogResponseDto[] {
    if (managesDeals(user)) return entries;
    return entries.map((e) => ({ ...e, ip: null, userAgent: null, actorEmail: null, actor: e.actor ? { ...e.actor, email: null } : null, details: {} }));
  }
}
