import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { formatValidationMessage, Permission, resolveLocale } from '@xkx/contracts';
import type { Response } from 'express';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser } from '../../common/decorators/public.decorator';
import { DomainException } from '../../common/exceptions/domain.exception';
import { DecideImportDto, ImportJobDto, ImportKindQueryDto } from './dto/imports.dto';
import { ImportJobEntity } from './import-job.entity';
import { ImportsService } from './imports.service';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('template')
  @Authenticated(Permission.LISTING_IMPORT)
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The Chinese .xlsx template', schema: { type: 'string', format: 'binary' } })
  async template(@Query() query: ImportKindQueryDto, @Res() res: Response): Promise<void> {
    const buffer = await this.imports.template(query.kind);
    const name = query.kind === 'RESULT' ? '科技成果导入模板.xlsx' : '技术需求导入模板.xlsx';
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.send(buffer);
  }

  @Post()
  @RateLimit('imports')
  @Authenticated(Permission.LISTING_IMPORT)
  // Size limits come from IMPORT_MAX_FILE_BYTES (MulterModule in ImportsModule).
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ImportJobDto, description: 'Every row validated; nothing written yet' })
  async upload(@Query() query: ImportKindQueryDto, @UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: AuthUser, @Headers('accept-language') lang?: string): Promise<ImportJobDto> {
    if (!file) throw DomainException.validation([{ field: 'file', constraint: 'isDefined', args: [] }]);
    const job = await this.imports.upload(query.kind, Buffer.from(file.originalname, 'latin1').toString('utf8'), file.buffer, user);
    return toDto(job, lang);
  }

  @Get(':id')
  @Authenticated(Permission.LISTING_IMPORT)
  @ApiOkResponse({ type: ImportJobDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Headers('accept-language') lang?: string): Promise<ImportJobDto> {
    return toDto(await this.imports.get(id, user), lang);
  }

  @Post(':id/decision')
  @HttpCode(HttpStatus.ACCEPTED)
  @Authenticated(Permission.LISTING_IMPORT)
  @ApiOkResponse({ type: ImportJobDto, description: 'VALID starts the import (poll the job for progress); NONE discards it' })
  async decide(@Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideImportDto, @CurrentUser() user: AuthUser, @Headers('accept-language') lang?: string): Promise<ImportJobDto> {
    return toDto(await this.imports.decide(id, dto.mode, dto.publish ?? false, user), lang);
  }
}

function toDto(job: ImportJobEntity, acceptLanguage: string | undefined): ImportJobDto {
  const locale = resolveLocale(acceptLanguage);
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    fileName: job.fileName,
    totalRows: job.totalRows,
    validRows: job.validRows,
    processedRows: job.processedRows,
    importedRows: job.importedRows,
    errors: job.errors.map((e) => ({ row: e.row, column: e.column, field: e.field, message: formatValidationMessage(e.constraint, e.args, locale) ?? formatValidationMessage('invalid', [], locale) ?? e.constraint })),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
