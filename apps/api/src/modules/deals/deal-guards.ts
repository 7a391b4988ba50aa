import { HttpStatus } from '@nestjs/common';
import { DealStage, ErrorCode } from '@xkx/contracts';
import { noticeCleared, NoticeFacts, noticeRefusal } from './chain-rules';
import { canMove } from './deal-workflow';

export { publicNoticeRequired } from './chain-rules';

/** What the guards need to know about a deal at the moment of a move; gathered by the service. */
export interface MoveContext {
  from: DealStage;
  to: DealStage;
  note: string | null;
  /** An administrator's reason for signing before the public notice ended. */
  overrideReason: string | null;
  actorIsAdmin: boolean;
  contractCount: number;
  registeredContractCount: number;
  receivedFen: number;
  /** A university or institute result priced by agreement (促进科技成果转化法 art. 18). */
  noticeRequired: boolean;
  /** The deal's current (not withdrawn) public notice and its unanswered objections. */
  notice: NoticeFacts['notice'];
  /** An administrator's override already recorded on the deal. */
  overrideRecorded: boolean;
  /** The earliest signing date of the deal's contracts: the notice must have ended before it. */
  earliestSignedOn: string | null;
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  /** Institution and enterprise participants who have not accepted the current NDA. */
  partiesWithoutNda: number;
  /** Price for a public notice: the agreed one. */
  intendedPriceFen: number | null;
}

export interface MoveRefusal {
  code: ErrorCode;
  status: HttpStatus;
  /** A field to blame (validation-style refusals). */
  field?: { name: string; constraint: string };
}

export type MoveVerdict = { allowed: true; overrideUsed: boolean } | { allowed: false; refusal: MoveRefusal };

const refuse = (code: ErrorCode, status: HttpStatus = HttpStatus.CONFLICT, field?: MoveRefusal['field']): MoveVerdict => ({ allowed: false, refusal: { code, status, field } });

/**
 * Decides one move: first the state machine, then the guards. Pure, so every rule is unit-tested;
 * the service only gathers the context and acts on the verdict.
 */
export function checkMove(ctx: MoveContext): MoveVerdict {
  if (!canMove(ctx.from, ctx.to)) return refuse(ErrorCode.DEAL_TRANSITION_NOT_ALLOWED);
  if (ctx.overrideReason && !ctx.actorIsAdmin) return refuse(ErrorCode.DEAL_NOTICE_OVERRIDE_ADMIN_ONLY, HttpStatus.FORBIDDEN);
  switch (ctx.to) {
    case 'LOST':
      if (!ctx.note?.trim()) return refuse(ErrorCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST, { name: 'note', constraint: 'isNotEmpty' });
      break;
    case 'NDA_SIGNED':
      if (ctx.partiesWithoutNda > 0) return refuse(ErrorCode.DEAL_NDA_PENDING);
      break;
    case 'PUBLIC_NOTICE':
      if (ctx.intendedPriceFen === null) return refuse(ErrorCode.DEAL_PRICE_REQUIRED);
      break;
    case 'CONTRACT_SIGNED': {
      if (ctx.contractCount === 0 || !ctx.earliestSignedOn) return refuse(ErrorCode.DEAL_CONTRACT_REQUIRED);
      // The same rule the contract service applies when it records a contract (chain-rules.ts).
      const facts: NoticeFacts = { required: ctx.noticeRequired, notice: ctx.notice, overrideRecorded: ctx.overrideRecorded };
      if (noticeCleared(facts, ctx.earliestSignedOn, ctx.today)) break;
      if (ctx.overrideReason?.trim() && ctx.actorIsAdmin) return { allowed: true, overrideUsed: true };
      return refuse(noticeRefusal(facts, ctx.earliestSignedOn, ctx.today));
    }
    case 'REGISTERED':
      if (ctx.registeredContractCount === 0) return refuse(ErrorCode.DEAL_CONTRACT_NOT_REGISTERED);
      break;
    case 'PAID':
      if (ctx.receivedFen <= 0) return refuse(ErrorCode.DEAL_PAYMENT_REQUIRED);
      break;
    case 'LEAD':
    case 'TRIAGE':
    case 'INTRODUCED':
    case 'INTERESTED':
    case 'NEGOTIATING':
    case 'TERMS_AGREED':
    case 'CLOSED':
      break;
  }
  return { allowed: true, overrideUsed: false };
}
