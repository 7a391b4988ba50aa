import type { IMPORT_ZH_CN } from '../import.messages';

/** English for import.messages.ts: loaded only when someone switches to English (messages-en.ts). */
export const IMPORT_EN: Record<keyof typeof IMPORT_ZH_CN, string> = {
  'import.title': 'Bulk import',
  'import.lead':
    'Enter many results or needs at once from the Excel template. The file is checked first; nothing is written until you confirm.',
  'import.kind': 'What to import',
  'import.step1': 'Download the template',
  'import.step2': 'Upload the filled-in file',
  'import.step3': 'Check and confirm',
  'import.template': 'Download the Excel template',
  'import.file': 'Choose an .xlsx file',
  'import.upload': 'Upload and check',
  'import.totalRows': 'data rows',
  'import.validRows': 'valid rows',
  'import.invalidRows': 'rows with errors',
  'import.row': 'Row',
  'import.column': 'Column',
  'import.message': 'Problem',
  'import.noErrors': 'Every row passed the checks.',
  'import.publish': 'Publish at once (otherwise drafts)',
  'import.importValid': 'Import the {n} valid rows',
  'import.importNone': 'Import nothing',
  'import.running': 'Importing: {done} of {total}',
  'import.progress': 'Import progress',
  'import.done': 'Import finished: {n} imported.',
  'import.cancelled': 'Cancelled; nothing was imported.',
  'import.failed': 'The import failed and nothing was written. Please try again later.',
  'import.again': 'Import another file',
};
