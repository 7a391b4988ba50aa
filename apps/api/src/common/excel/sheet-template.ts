import { Workbook } from 'exceljs';
import { ColumnSpec } from './sheet-columns';

/**
 * A sheet import's template (organizations, experts): one sheet of Chinese headings (bold, tinted, frozen, each
 * column's note on its heading) and a 填写说明 sheet repeating the notes, then the import's own rules.
 */
export async function sheetTemplate(sheetName: string, columns: readonly ColumnSpec[], rules: ReadonlyArray<[string, string]>): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE8E8' } };
  columns.forEach((c, i) => {
    if (c.note) header.getCell(i + 1).note = c.note;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: 20 },
    { header: '说明', width: 90 },
  ];
  for (const c of columns) help.addRow([c.header, c.note ?? '']);
  help.addRow([]);
  for (const rule of rules) help.addRow([...rule]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
