import { DealStage, OPEN_DEAL_STAGES } from '@xkx/contracts';

const S = DealStage;

/**
 * The one state machine of a deal: from each stage, the stages it may move to. Forward one step at a
 * time; terms agreed may go straight to contract signed when no public notice is needed (the guard in
 * `deal-guards.ts` decides); negotiation may reopen from terms agreed or from the notice (an objection
 * upheld, a price changed). Lost is reachable from every open stage; closed and lost are final.
 */
export const DEAL_TRANSITIONS: Readonly<Record<DealStage, readonly DealStage[]>> = {
  LEAD: [S.TRIAGE, S.LOST],
  TRIAGE: [S.INTRODUCED, S.LOST],
  INTRODUCED: [S.INTERESTED, S.LOST],
  INTERESTED: [S.NDA_SIGNED, S.LOST],
  NDA_SIGNED: [S.NEGOTIATING, S.LOST],
  NEGOTIATING: [S.TERMS_AGREED, S.LOST],
  TERMS_AGREED: [S.PUBLIC_NOTICE, S.CONTRACT_SIGNED, S.NEGOTIATING, S.LOST],
  PUBLIC_NOTICE: [S.CONTRACT_SIGNED, S.NEGOTIATING, S.LOST],
  CONTRACT_SIGNED: [S.REGISTERED, S.LOST],
  REGISTERED: [S.PAID, S.LOST],
  PAID: [S.CLOSED, S.LOST],
  CLOSED: [],
  LOST: [],
};

export function canMove(from: DealStage, to: DealStage): boolean {
  return DEAL_TRANSITIONS[from].includes(to);
}

export function allowedTargets(from: DealStage): readonly DealStage[] {
  return DEAL_TRANSITIONS[from];
}

export function isOpen(stage: DealStage): boolean {
  return OPEN_DEAL_STAGES.includes(stage);
}

/** Stages at which the parties have been let in far enough to accept the NDA and see confidential detail. */
export const NDA_STAGES: readonly DealStage[] = [
  S.INTERESTED, S.NDA_SIGNED, S.NEGOTIATING, S.TERMS_AGREED, S.PUBLIC_NOTICE, S.CONTRACT_SIGNED, S.REGISTERED, S.PAID, S.CLOSED,
];
