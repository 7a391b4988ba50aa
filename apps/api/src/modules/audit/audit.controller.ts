import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { Authenticated } from '../../common/decorators/public.decorator';
import { AuditService } from './audit.service';
import { AuditLogListResponseDto, AuditLogResponseDto } from './dto/audit-log-response.dto';
import { ListAuditLogsQueryDto } from './dto/list-audit-logs-query.dto';

@ApiTags('audit')
@Controller('audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated(Permission.AUDIT_READ)
  @ApiOkResponse({ type: AuditLogListResponseDto })
  async list(@Query() query: ListAuditLogsQueryDto): Promise<AuditLogListResponseDto> {
    const { items, total } = await this.audit.list(query);
    return { items: items.map((e) => AuditLogResponseDto.from(e)), total };
  }
}
