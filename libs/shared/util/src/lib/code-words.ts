/**
 * Code-shaped tokens in text a person reads: enum codes (`SUBMIT`, `PAYMENT_RECEIVED`), dotted codes
 * (`NE.BAT`, `TRANSFER.PATENT_APPLICATION`) and UUIDs. The browser and API tests scan every page and every
 * export cell with it, so a raw code that reaches a user fails a test instead of a clerk's afternoon.
 */

/**
 * Upper-case words people do read, each for a reason:
 * TRL (technology readiness level, shown as "TRL 6"), KPI (the ledger's own name), NDA (保密协议, the
 * document's common name), SMTP (the outbox page names the transport), HTTP/HTTPS/JSON/HTML (only in
 * admin-facing addresses), JPEG (a file's type, like PDF); Excel and CN patent numbers are not all-capitals
 * words and never match.
 */
export const CODE_WORD_ALLOWED: readonly string[] = ['TRL', 'KPI', 'NDA', 'SMTP', 'HTTP', 'HTTPS', 'JSON', 'HTML', 'JPEG', 'WIPO'];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** NE.BAT, TRANSFER.PATENT_APPLICATION: capitals, a dot, capitals (CN202310000001.5 has digits, and is not one). */
const DOTTED = /(?<![\w.])[A-Z][A-Z_]+(?:\.[A-Z][A-Z_]*)+(?![\w.])/g;
/** SUBMIT, CONTRACT_RECORDED: four or more capitals or underscores standing alone (not inside R2026-000012 or a credit code). */
const WORD = /(?<![\w.])[A-Z_]{4,}(?![\w.])/g;

/** The code-shaped tokens of `text` that are not allowed, each once, in order of appearance. */
export function codeWords(text: string, allowed: readonly string[] = CODE_WORD_ALLOWED): string[] {
  const found = new Set<string>();
  for (const re of [UUID, DOTTED, WORD]) {
    for (const m of text.matchAll(re)) if (!allowed.includes(m[0]) && /[A-Za-z0-9]/.test(m[0])) found.add(m[0]);
  }
  return [...found];
}

/**
 * The plain capital words (CMOS, CCUS, LDAR) people wrote in their own text: listings' titles and
 * keywords name real technologies that way. A scan passes the words found in such authored text as
 * allowed, so it flags what the system wrote, not what the authors did. Codes with _ or a dot stay flagged.
 */
export function authoredCapitals(text: string): string[] {
  return [...new Set([...text.matchAll(WORD)].map((m) => m[0]).filter((w) => !w.includes('_')))];
}

/**
 * The capitals authors wrote anywhere in an API body (listings, organizations): every string that is prose
 * (not a code standing alone, like PUBLISHED), and keywords or synonym terms even when one is a lone
 * acronym (CCUS, FPGA).
 */
const AUTHORED_LISTS: ReadonlySet<string> = new Set(['keywords', 'terms']);

export function authoredCapitalsIn(body: unknown): string[] {
  const prose = (value: unknown, key: string): string[] => {
    if (typeof value === 'string') return AUTHORED_LISTS.has(key) || !/^[A-Z0-9_.-]+$/.test(value) ? [value] : [];
    if (Array.isArray(value)) return value.flatMap((item) => prose(item, key));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => prose(v, k));
    return [];
  };
  return authoredCapitals(prose(body, '').join('\n'));
}
