import { Controller, Get, Param, ParseEnumPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import type { Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { SearchListingsQueryDto } from '@xkx/api/modules/listings/dto/search.dto';
import { ExportsService } from './exports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
enum ExportKind {
  results = 'results',
  needs = 'needs',
}

@ApiTags('imports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** The same filters as GET /api/results or /api/needs; at most 10,000 rows. */
  @Get(':kind')
  @Authenticated(Permission.LISTING_EXPORT)
  @ApiParam({ name: 'kind', enum: ExportKind })
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'An .xlsx workbook of the search results', schema: { type: 'string', format: 'binary' } })
  async export(@Param('kind', new ParseEnumPipe(ExportKind)) kind: ExportKind, @Query() query: SearchListingsQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const { buffer, rows } = await this.exports.export(kind === ExportKind.results ? 'RESULT' : 'NEED', query, user);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('X-Row-Count', String(rows));
    res.setHeader('Content-Disposition', `attachment; filename="${kind}.xlsx"`);
    res.send(buffer);
  }
}
