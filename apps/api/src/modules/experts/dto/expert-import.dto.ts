import { ApiProperty } from '@nestjs/swagger';
import { ExpertImportResult, ImportedExpert } from '@xkx/contracts';

export class ImportedExpertDto implements ImportedExpert {
  @ApiProperty({ description: 'Spreadsheet row (header is row 1)' }) row!: number;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameZh!: string;
}

/** What a stored expert sheet did, row by row. */
export class ExpertImportReportDto implements ExpertImportResult {
  @ApiProperty({ description: 'Rows read (blank rows skipped)' }) total!: number;
  @ApiProperty({ type: [ImportedExpertDto] }) created!: ImportedExpertDto[];
  @ApiProperty({ type: [ImportedExpertDto], description: 'Matched by name within the organization; non-empty cells overwrote the profile' }) updated!: ImportedExpertDto[];
  @ApiProperty({ type: [ImportedExpertDto] }) unchanged!: ImportedExpertDto[];
}
