import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiPath, Permission, resolveLocale } from '@xkx/contracts';
import { DomainException } from '../../common/exceptions/domain.exception';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { ExpertImportReportDto } from './dto/expert-import.dto';
import { expertTemplate } from './expert-import';
import { AuthUser } from '../../common/auth/auth-user';
import { Authenticated, CurrentUser, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ExpertDetailDto, ExpertListDto, ExpertMatchListDto, LaboratoryMatchListDto } from './dto/expert-response.dto';
import { CreateExpertDto, UpdateExpertDto } from './dto/expert-write.dto';
import { ListExpertsQueryDto } from './dto/list-queries.dto';
import { ExpertsService } from './experts.service';
import { PeopleMatchingService } from './people-matching.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('experts')
@Controller()
export class ExpertsController {
  constructor(
    private readonly experts: ExpertsService,
    private readonly matching: PeopleMatchingService,
  ) {}

  @Public()
  @Get(ApiPath.experts)
  @ApiOkResponse({ type: ExpertListDto })
  list(@Query() query: ListExpertsQueryDto, @CurrentUser() user: AuthUser | undefined): Promise<ExpertListDto> {
    return this.experts.list(query, user);
  }

  /** The brokers' Excel template for importing expert profiles. Before :id. */
  @Get(`${ApiPath.experts}/import-template`)
  @Authenticated(Permission.EXPERT_VERIFY)
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: 'The Chinese .xlsx template of the expert import', schema: { type: 'string', format: 'binary' } })
  async importTemplate(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', `attachment; filename="experts-template.xlsx"; filename*=UTF-8''${encodeURIComponent('专家导入模板.xlsx')}`);
    res.send(await expertTemplate());
  }

  /** A filled-in template: all rows stored (created or updated, audited) or, with any bad row, none (400 with rowErrors). */
  @Post(`${ApiPath.experts}/import`)
  @RateLimit('imports')
  @Authenticated(Permission.EXPERT_VERIFY)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ExpertImportReportDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'rowErrors: row, column, field and message of every refused cell; nothing stored' })
  async import(@UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() user: AuthUser, @Headers('accept-language') lang?: string): Promise<ExpertImportReportDto> {
    if (!file) throw DomainException.validation([{ field: 'file', constraint: 'isDefined', args: [] }]);
    const report = await this.experts.importSheet(file.buffer, Buffer.from(file.originalname, 'latin1').toString('utf8'), user, resolveLocale(lang));
    return { total: report.total, created: report.created, updated: report.updated, unchanged: report.unchanged };
  }

  /** The caller's own profile (404 until they create one). Before :id. */
  @Get(`${ApiPath.experts}/me`)
  @Authenticated(Permission.EXPERT_WRITE)
  @ApiOkResponse({ type: ExpertDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  mine(@CurrentUser() user: AuthUser): Promise<ExpertDetailDto> {
    return this.experts.mine(user);
  }

  @Public()
  @Get(`${ApiPath.experts}/:id`)
  @ApiOkResponse({ type: ExpertDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser | undefined): Promise<ExpertDetailDto> {
    return this.experts.get(id, user);
  }

  /** A researcher creates their own profile (verified by a broker later); a broker creates any (verified). */
  @Post(ApiPath.experts)
  @Authenticated(Permission.EXPERT_WRITE)
  @ApiCreatedResponse({ type: ExpertDetailDto })
  create(@Body() dto: CreateExpertDto, @CurrentUser() user: AuthUser): Promise<ExpertDetailDto> {
    return this.experts.create(dto, user);
  }

  @Patch(`${ApiPath.experts}/:id`)
  @Authenticated(Permission.EXPERT_WRITE)
  @ApiOkResponse({ type: ExpertDetailDto })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateExpertDto, @CurrentUser() user: AuthUser): Promise<ExpertDetailDto> {
    return this.experts.update(id, dto, user);
  }

  @Post(`${ApiPath.experts}/:id/verify`)
  @Authenticated(Permission.EXPERT_VERIFY)
  @ApiCreatedResponse({ type: ExpertDetailDto })
  verify(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ExpertDetailDto> {
    return this.experts.verify(id, user);
  }

  /** The need's experts tab: ranked and explained like its result matches. */
  @Get('needs/:id/expert-matches')
  @Authenticated(Permission.MATCH_READ)
  @ApiOkResponse({ type: ExpertMatchListDto })
  expertMatches(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ExpertMatchListDto> {
    return this.matching.expertsFor(id, user);
  }

  /** The need's laboratories tab. */
  @Get('needs/:id/laboratory-matches')
  @Authenticated(Permission.MATCH_READ)
  @ApiOkResponse({ type: LaboratoryMatchListDto })
  laboratoryMatches(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<LaboratoryMatchListDto> {
    return this.matching.laboratoriesFor(id, user);
  }
}
