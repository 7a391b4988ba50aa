import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { Authenticated } from '../../common/decorators/public.decorator';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { OutboxListResponseDto, OutboxMailResponseDto } from './dto/outbox-mail-response.dto';
import { MailService } from './mail.service';

@ApiTags('mail')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @Authenticated(Permission.OUTBOX_READ)
  @ApiOkResponse({ type: OutboxListResponseDto })
  async list(@Query() query: PageQueryDto): Promise<OutboxListResponseDto> {
    const { items, total } = await this.mail.list(query.limit, query.offset);
    return { items: items.map((m) => OutboxMailResponseDto.from(m)), total };
  }
}
