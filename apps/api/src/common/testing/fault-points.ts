import { AppConfig } from '../../config/app-config';

/**
 * Places in multi-row writes where a crash test holds the process, so its SIGKILL lands mid-write
 * deterministically (apps/api-e2e/src/specs/crash-consistency.e2e-spec.ts). Honoured only with NODE_ENV=test
 * and `XKX_TEST_FAULTS` naming the point (`name` for its first pass, `name@N` for its N-th); the config
 * refuses the variable otherwise, so production never holds anywhere.
 */
export const FAULT_POINTS = [
  /** A contract's row is written, its installments not yet (same transaction). */
  'contract.create.before-installments',
  /** Contract, installments, audit and deal move written; the transaction not yet committed. */
  'contract.create.before-commit',
  /** An import chunk's listings are staged, the job's progress not yet recorded (same transaction). */
  'import.chunk.before-progress',
  /** An import chunk has committed; the next has not started. */
  'import.after-chunk',
  /** A publishing chunk has published its listings; not committed. */
  'import.publish.before-commit',
  /** A matching index snapshot's row is inserted; its transaction not yet committed. */
  'match.snapshot.before-commit',
] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

const armed = new Map<string, number>();
const passes = new Map<string, number>();

/** Reads `XKX_TEST_FAULTS` (comma-separated `name` or `name@N`); called once at start. */
export function armFaultPoints(config: AppConfig): void {
  armed.clear();
  passes.clear();
  if (config.NODE_ENV !== 'test' || !config.XKX_TEST_FAULTS) return;
  for (const item of config.XKX_TEST_FAULTS.split(',')) {
    const [name, nth] = item.trim().split('@');
    if (name) armed.set(name, nth ? Number(nth) : 1);
  }
}

/**
 * At an armed point on its chosen pass: says so on standard output (`XKX_FAULT_POINT <name>`) and never
 * returns, holding the transaction open until the test kills the process. Otherwise returns at once.
 */
export async function faultPoint(name: FaultPoint): Promise<void> {
  const nth = armed.get(name);
  if (nth === undefined) return;
  const pass = (passes.get(name) ?? 0) + 1;
  passes.set(name, pass);
  if (pass !== nth) return;
  process.stdout.write(`XKX_FAULT_POINT ${name}\n`);
  await new Promise<never>(() => undefined);
}
