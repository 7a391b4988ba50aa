import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Permission } from '@xkx/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { Authenticated, Public } from '../../common/decorators/public.decorator';
import { SearchTextService } from '../search/search-text.service';
import { SearchIndexer } from '../search/search-indexer.service';
import { CreateFieldDto, FieldNodeDto, ReplaceSynonymsDto, SynonymListDto, UpdateFieldDto } from './dto/taxonomy.dto';
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
    private readonly searchText: SearchTextService,
    private readonly indexer: SearchIndexer,
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
  update(@Param() params: FieldCodeParam, @Body() dto: UpdateFieldDto): Promise<FieldNodeDto> {
    return this.taxonomy.update(params.code, dto);
  }

  @Get('synonyms')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiOkResponse({ type: SynonymListDto })
  async synonyms(): Promise<SynonymListDto> {
    return { groups: (await this.taxonomy.synonymGroups()).map((terms) => ({ terms })) };
  }

  /** Replaces the synonym list; search documents are rebuilt so old listings follow the new list. */
  @Put('synonyms')
  @Authenticated(Permission.TAXONOMY_MANAGE)
  @ApiOkResponse({ type: SynonymListDto })
  async replaceSynonyms(@Body() dto: ReplaceSynonymsDto): Promise<SynonymListDto> {
    const groups = await this.taxonomy.replaceSynonyms(dto.groups.map((g) => g.terms));
    await this.searchText.reloadSynonyms();
    await this.indexer.reindexAll();
    return { groups: groups.map((terms) => ({ terms })) };
  }
}
