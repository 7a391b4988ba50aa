import type { InstitutionTargetBody, KpiTargetsBody, RndSpendingBody } from '@xkx/contracts';
import { parseAmount } from '@xkx/util';

// What admins, brokers and enterprises type into the ledger's forms, turned into the API's integers.
// Amounts are typed in 元 ("12,345.67", "84亿", "1.5万") and parsed on the digits by the one parser,
// parseAmount in @xkx/util (validated in the forms by amountValidator of @xkx/web/forms): never a float.

/**
 * An amount typed in 元 → integer fen. Empty → undefined (nothing entered); not an amount, negative or
 * finer than one fen → null.
 */
export function yuanInputToFen(text: string | null | undefined): number | null | undefined {
  const parsed = parseAmount(text);
  return parsed.ok ? parsed.fen : parsed.error === 'empty' ? undefined : null;
}

export { fenToYuanInput } from '@xkx/util';

/** One institution's row of the targets form: both empty (no target) or both filled. */
export interface InstitutionTargetRow {
  organizationId: string;
  projects: number | null;
  contractAmount: string;
}

/** `{ pair: true }` when a row has one of projects and amount but not the other. */
export function targetRowPairValidator(control: { value: unknown }): { pair: true } | null {
  const row = control.value as Partial<InstitutionTargetRow> | null;
  const hasProjects = row?.projects !== null && row?.projects !== undefined && String(row.projects) !== '';
  const hasAmount = !!row?.contractAmount?.trim();
  return hasProjects === hasAmount ? null : { pair: true };
}

export interface TargetsForm {
  projects: number | null;
  contractAmount: string;
  institutions: readonly InstitutionTargetRow[];
}

/**
 * The PUT /api/kpis/targets body from a valid targets form: rows left empty are not sent (they have no
 * target), so `institutions.3` in the body can be row 7 of the form. `aliases` maps each field path
 * of the body to the form control it came from, for the API's field errors. null: the form is not valid.
 */
export function targetsRequest(year: number, form: TargetsForm): { body: KpiTargetsBody; aliases: Record<string, string> } | null {
  const contractAmountFen = yuanInputToFen(form.contractAmount);
  if (form.projects === null || contractAmountFen === null || contractAmountFen === undefined) return null;
  const aliases: Record<string, string> = { contractAmountFen: 'contractAmount' };
  const institutions: InstitutionTargetBody[] = [];
  for (const [row, t] of form.institutions.entries()) {
    const fen = yuanInputToFen(t.contractAmount);
    if (t.projects === null && fen === undefined) continue;
    if (t.projects === null || fen === null || fen === undefined) return null;
    const i = institutions.length;
    institutions.push({ organizationId: t.organizationId, projects: t.projects, contractAmountFen: fen });
    aliases[`institutions.${i}.organizationId`] = `institutions.${row}.contractAmount`;
    aliases[`institutions.${i}.projects`] = `institutions.${row}.projects`;
    aliases[`institutions.${i}.contractAmountFen`] = `institutions.${row}.contractAmount`;
  }
  return { body: { year, projects: form.projects, contractAmountFen, institutions }, aliases };
}

/** Which form control a PUT's `amountFen` came from. */
export type RndControl = 'amount' | 'previousAmount';

/** One PUT /api/kpis/rnd-spending/:organizationId/:year of an R&D entry. */
export interface RndPut {
  year: number;
  body: RndSpendingBody;
  control: RndControl;
}

export interface RndEntryForm {
  /** The year's amount in 元. */
  amount: string;
  /** The year before, in 元. */
  previousAmount: string;
  /** The year's note. */
  note: string;
}

/**
 * The PUTs an R&D entry form needs, only for what changed: the year's amount (with its note when the
 * note changed; an emptied note is sent as '' and clears it) and the year before's amount (never a note,
 * so the API keeps the one stored). An amount left empty is not sent (there is nothing to delete).
 */
export function rndPuts(
  year: number,
  before: { amountFen: number | null; previousAmountFen: number | null; note: string | null },
  form: RndEntryForm,
): RndPut[] {
  const puts: RndPut[] = [];
  const amount = yuanInputToFen(form.amount);
  const note = form.note.trim();
  const noteChanged = note !== (before.note ?? '');
  if (typeof amount === 'number' && (amount !== before.amountFen || noteChanged)) {
    puts.push({ year, body: noteChanged ? { amountFen: amount, note } : { amountFen: amount }, control: 'amount' });
  }
  const previous = yuanInputToFen(form.previousAmount);
  if (typeof previous === 'number' && previous !== before.previousAmountFen) {
    puts.push({ year: year - 1, body: { amountFen: previous }, control: 'previousAmount' });
  }
  return puts;
}
