import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Duplicate, ListingKind, ListingStatus } from '@xkx/contracts';
import { DataSource } from 'typeorm';
import { NEAR_IDENTICAL_TITLE, titleSimilarity } from './duplicates';

export class DuplicateDto implements Duplicate {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: ListingStatus;
  @ApiProperty({ enum: ['PATENT_NUMBER', 'SIMILAR_TITLE'], isArray: true }) reasons!: Array<'PATENT_NUMBER' | 'SIMILAR_TITLE'>;
  @ApiProperty({ type: [String], description: 'Shared patent numbers' }) sharedNumbers!: string[];
  @ApiProperty({ description: 'Title similarity 0–1' }) similarity!: number;
}

const TABLE: Record<ListingKind, 'result' | 'need'> = { RESULT: 'result', NEED: 'need' };

/** Other listings that may be the same thing: a shared patent number, or a near-identical title from the same organization. */
@Injectable()
export class DuplicateFinderService {
  constructor(private readonly dataSource: DataSource) {}

  async find(kind: ListingKind, id: string): Promise<DuplicateDto[]> {
    const table = TABLE[kind];
    const [self] = await this.dataSource.query<Array<{ title: string; organization_id: string }>>(`SELECT title, organization_id FROM "${table}" WHERE id = $1`, [id]);
    if (!self) return [];
    const found = new Map<string, DuplicateDto>();
    if (kind === 'RESULT') {
      const shared = await this.dataSource.query<Array<{ id: string; code: string; title: string; status: ListingStatus; number: string }>>(
        `SELECT r.id, r.code, r.title, r.status, a.number
         FROM result_ip_asset mine JOIN result_ip_asset a ON a.number = mine.number AND a.result_id <> mine.result_id
         JOIN result r ON r.id = a.result_id
         WHERE mine.result_id = $1 AND r.status <> 'ARCHIVED'`,
        [id],
      );
      for (const row of shared) {
        const dup = found.get(row.id) ?? { id: row.id, code: row.code, title: row.title, status: row.status, reasons: [], sharedNumbers: [], similarity: titleSimilarity(self.title, row.title) };
        if (!dup.reasons.includes('PATENT_NUMBER')) dup.reasons.push('PATENT_NUMBER');
        if (!dup.sharedNumbers.includes(row.number)) dup.sharedNumbers.push(row.number);
        found.set(row.id, dup);
      }
    }
    const sameOrg = await this.dataSource.query<Array<{ id: string; code: string; title: string; status: ListingStatus }>>(
      `SELECT id, code, title, status FROM "${table}" WHERE organization_id = $1 AND id <> $2 AND status <> 'ARCHIVED'`,
      [self.organization_id, id],
    );
    for (const row of sameOrg) {
      const similarity = titleSimilarity(self.title, row.title);
      if (similarity < NEAR_IDENTICAL_TITLE) continue;
      const dup = found.get(row.id) ?? { id: row.id, code: row.code, title: row.title, status: row.status, reasons: [], sharedNumbers: [], similarity };
      dup.reasons.push('SIMILAR_TITLE');
      found.set(row.id, dup);
    }
    return [...found.values()].sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity);
  }
}
