// Spreadsheet columns as every sheet import reads them (listings in the imports module, organizations in the
// organizations module): framework-free, shared, so neither module imports the other for it.

/** Reads a cell as text: numbers, dates, rich text and hyperlinks all become plain strings. */
export type CellText = string;

export interface ColumnSpec {
  /** Header as the template shows it (Chinese; * marks required). */
  header: string;
  /** The DTO field this column fills (dotted for nested). */
  field: string;
  width: number;
  note?: string;
}

/** Reverse lookup of a bilingual label map: accepts the code, the Chinese or the English label. */
export function labelToCode<T extends string>(labels: Record<T, { 'zh-CN': string; en: string }>, text: string): T | string {
  const t = text.trim();
  for (const [code, label] of Object.entries(labels) as Array<[T, { 'zh-CN': string; en: string }]>) {
    if (t === code || t === label['zh-CN'] || t.toLowerCase() === label.en.toLowerCase()) return code;
  }
  return t;
}

export const splitList = (text: string): string[] => text.split(/[,，、;；\n]/).map((s) => s.trim()).filter(Boolean);

export const yesNo = (text: string): boolean | string => {
  const t = text.trim().toLowerCase();
  if (['是', 'y', 'yes', 'true', '1'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '0', ''].includes(t)) return false;
  return text;
};
