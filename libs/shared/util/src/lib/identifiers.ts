// GB/T 2260 provincial prefixes: a 6-digit area code must start with one of them.
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** 栖霞区, Nanjing. */
export const QIXIA_AREA_CODE = '320113';

export function isValidAreaCode(value: unknown): boolean {
  return typeof value === 'string' && /^\d{6}$/.test(value) && PROVINCE_PREFIXES.has(value.slice(0, 2));
}

/** Mainland China mobile numbers, with or without +86. */
export function normalizeMobileCN(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export function isValidMobileCN(value: unknown): boolean {
  return typeof value === 'string' && normalizeMobileCN(value) !== null;
}

const PATENT_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/** The example every patent field and message shows; a unit test keeps it valid. */
export const PATENT_NUMBER_EXAMPLE = 'CN202310123456.6';

/** Check digit of a CNIPA application number (8 digits before Oct. 2003, 12 since): weights 2–9 then 2–5, mod 11, 10 → X. */
export function patentCheckDigit(digits: string): string | null {
  if (!/^(\d{8}|\d{12})$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits.charAt(i)) * (PATENT_WEIGHTS[i] ?? 0);
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

/**
 * The one patent-number check (listing form, registration form, Excel import, API decorators). Accepts:
 * - an application number since Oct. 2003: 12 digits (year 4, type 1, serial 7) and the check digit,
 *   `CN202310123456.6`, `ZL202310123456.6`, `202310123456.6`, with or without the dot;
 * - an older application number: 8 digits (year 2, type 1, serial 5) and the check digit, `CN98112345.7`;
 *   the type digit is 1 invention, 2 utility model, 3 design, 8/9 PCT invention/utility model;
 * - a publication or grant number: CN, 7 to 9 digits and a kind code (`CN1234567A`, `CN115123456B`).
 * Full-width characters and spaces are tolerated. Returns the canonical form (`CN…`) or null.
 */
export function normalizePatentNumber(value: string): string | null {
  const raw = value.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
  const application = /^(?:CN|ZL)?(\d{8}|\d{12})\.?([\dX])$/.exec(raw);
  if (application) {
    const [, digits = '', check = ''] = application;
    const type = digits.charAt(digits.length === 12 ? 4 : 2);
    if (!'12389'.includes(type)) return null;
    return patentCheckDigit(digits) === check ? `CN${digits}.${check}` : null;
  }
  const publication = /^CN(\d{7,9})([ABCUSY]\d?)$/.exec(raw);
  return publication ? `CN${publication[1]}${publication[2]}` : null;
}

export function isValidPatentNumber(value: unknown): boolean {
  return typeof value === 'string' && normalizePatentNumber(value) !== null;
}

/** 认定登记 number: 16 digits, the year (2000–2099), the registry's GB/T 2260 area code (6), a serial (6). */
export function isValidRegistrationNumber(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})(\d{6})(\d{6})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  return year >= 2000 && year <= 2099 && isValidAreaCode(match[2]);
}
