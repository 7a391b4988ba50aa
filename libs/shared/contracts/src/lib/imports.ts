/** The Excel import of results and needs (/api/imports): validated first, then all valid rows or none. */
import type { ListingKind } from './listings';

export type ImportStatus = 'VALIDATED' | 'IMPORTING' | 'DONE' | 'FAILED' | 'CANCELLED';

export interface ImportRowError {
  /** Spreadsheet row (header = 1). */
  row: number;
  column: string;
  field: string;
  message: string;
}

export interface ImportJob {
  id: string;
  kind: ListingKind;
  status: ImportStatus;
  fileName: string;
  totalRows: number;
  validRows: number;
  /** Rows written so far (while IMPORTING). */
  processedRows: number;
  importedRows: number;
  errors: ImportRowError[];
  createdAt: string;
  finishedAt: string | null;
}

/** POST /api/imports/:id/decide: import the valid rows (one transaction), or none. */
export interface ImportDecision {
  mode: 'VALID' | 'NONE';
  /** Publish the imported listings at once (brokers are reviewers); default: drafts. */
  publish?: boolean;
}
