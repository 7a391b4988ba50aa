import { ApiProperty } from '@nestjs/swagger';

export class ImportedExpertDto {
  @ApiProperty({ description: 'Spreadsheet row (header is row 1)' }) row!: number;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameZh!: string;
}

/** What a stored expert sheet did, row by row. */
export class ExpertImportReportDto {
  @ApiProperty({ description: 'Rows read (blank rows skipped)' }) total!: number;
  @ApiProperty({ type: [ImportedExpertDto] }) created!: ImportedExpertDto[];
  @ApiProperty({ type: [ImportedExpertDto], description: 'Matched by name within the organization; non-empty cells overwrote the profile' }) updated!: ImportedExpertDto[];
  @ApiProperty({ type: [ImportedExpertDto] }) unchanged!: ImportedExpertDto[];
}
