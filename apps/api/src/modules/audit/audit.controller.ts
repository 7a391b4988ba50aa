import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import type { Response } from 'express';
import { Authenticated } from '../../common/decorators/public.decorator';
import { AuditPresenterService } from './audit-presenter.service';
import { AuditService } from './audit.service';
import { AuditLogListResponseDto } from './dto/audit-log-response.dto';
import { ListAuditLogsQueryDto } from './dto/list-audit-logs-query.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An export is for reading, not a dump: the newest entries matching the filters. */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;

@ApiTags('audit')
@Controller('audit-logs')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly presenter: AuditPresenterService,
  ) {}

  @Get()
  @Authenticated(Permission.AUDIT_READ)
  @ApiOkResponse({ type: AuditLogListResponseDto })
  async list(@Query() query: ListAuditLogsQueryDto): Promise<AuditLogListResponseDto> {
    const { items, total } = await this.audit.list(query);
    return { items: await this.presenter.present(items), total };
  }

  /** The same filters as the page, as an .xlsx workbook in people's words. */
  @Get('export.xlsx')
  @Authenticated(Permission.AUDIT_READ)
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'An .xlsx workbook', schema: { type: 'string', format: 'binary' } })
  async export(@Query() query: ListAuditLogsQueryDto, @Res() res: Response): Promise<void> {
    const buffer = await this.presenter.workbook(await this.audit.listAll(query, AUDIT_EXPORT_MAX_ROWS));
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', 'attachment; filename="audit-log.xlsx"');
    res.send(buffer);
  }
}
