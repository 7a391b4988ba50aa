import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { Authenticated, Public } from '../../common/decorators/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { CreateFieldDto, CreateSynonymGroupDto, FieldNodeDto, ReplaceSynonymsDto, SynonymGroupResponseDto, SynonymListDto, UpdateFieldDto, UpdateSynonymGroupDto } from './dto/taxonomy.dto';
import { SynonymChangeListeners } from './synonym-change-listeners';
import { TaxonomyService } from './taxonomy.service';

class FieldTreeQueryDto {
  @ApiPropertyOptional({ description: 'Include inactive fields (admins editing the tree)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === 'true' || value === true)
  @IsBoolean()
  all?: boolean;
}

class FieldCodeParam {
  @Matches(/^[A-Z]{2,4}(\.[A-Z0-9]{1,8})*$/) code!: string;
}

@ApiTags('taxonomy')
@Controller()
export class TaxonomyController {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly synonymListeners: SynonymChangeListeners,
  ) {}

  @Public()
  @Get('fields')
  @ApiOkResponse({ type: [FieldNodeDto], description: 'The technology-field tree' })
  tree(@Query() query: FieldTreeQueryDto): Promise<FieldNodeDto[]> {
    return this.taxonomy.tree(query.all === true);
  }

  @Post('fields')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiCreatedResponse({ type: FieldNodeDto })
  create(@Body() dto: CreateFieldDto): Promise<FieldNodeDto> {
    return this.taxonomy.create(dto);
  }

  @Patch('fields/:code')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiParam({ name: 'code', example: 'NE.PV' })
  @ApiOkResponse({ type: FieldNodeDto })
  async update(@Param() params: FieldCodeParam, @Body() dto: UpdateFieldDto): Promise<FieldNodeDto> {
    const field = await this.taxonomy.update(params.code, dto);
    // Field names are part of search documents (a search for 新能源 finds what is filed under it).
    if (dto.nameZh !== undefined || dto.nameEn !== undefined) await this.afterSynonymChange();
    return field;
  }

  @Get('synonyms')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiOkResponse({ type: SynonymListDto })
  async synonyms(): Promise<SynonymListDto> {
    return { groups: await this.taxonomy.synonymGroupRows() };
  }

  /** Replaces the synonym list; search documents are rebuilt so old listings follow the new list. */
  @Put('synonyms')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiOkResponse({ type: SynonymListDto })
  async replaceSynonyms(@Body() dto: ReplaceSynonymsDto): Promise<SynonymListDto> {
    const groups = await this.taxonomy.replaceSynonyms(dto.groups);
    await this.afterSynonymChange();
    return { groups };
  }

  /** One group more; a term may be in one group only (409 SYNONYM_TERM_TAKEN, naming the term). */
  @Post('synonyms')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiCreatedResponse({ type: SynonymGroupResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A term is already in another group' })
  async createSynonymGroup(@Body() dto: CreateSynonymGroupDto): Promise<SynonymGroupResponseDto> {
    const group = await this.taxonomy.createSynonymGroup(dto.terms, dto.relation);
    await this.afterSynonymChange();
    return group;
  }

  @Patch('synonyms/:id')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiOkResponse({ type: SynonymGroupResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Stale version, or a term is already in another group' })
  async updateSynonymGroup(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSynonymGroupDto): Promise<SynonymGroupResponseDto> {
    const group = await this.taxonomy.updateSynonymGroup(id, dto.terms, dto.version, dto.relation);
    await this.afterSynonymChange();
    return group;
  }

  @Delete('synonyms/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiNoContentResponse()
  async deleteSynonymGroup(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.taxonomy.deleteSynonymGroup(id);
    await this.afterSynonymChange();
  }

  /** Search folds synonyms and field names in at index time, so every listing is re-indexed. */
  private async afterSynonymChange(): Promise<void> {
    await this.synonymListeners.changed();
  }
}
