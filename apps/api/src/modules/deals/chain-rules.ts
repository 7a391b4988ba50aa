import { HttpStatus } from '@nestjs/common';
import { DealStage, ErrorCode, LedgerChainIssue, OrganizationKind, PricingMethod, SIGNED_DEAL_STAGES } from '@xkx/contracts';
import { EntityManager, IsNull } from 'typeorm';
import { DealEntity } from './entities/deal.entity';
import { PublicNoticeEntity, PublicNoticeObjectionEntity } from './entities/public-notice.entity';
import { getOrganizationFacts } from '@xkx/api/modules/organizations/organization-reader';

/**
 * The rules of the ledger's chain, in one place: terms agreed → [public notice over — its period ended and
 * every objection answered — or an administrator's recorded override] → contract signed → registered → paid. The contract service, the registration and
 * payment services and the deal's stage moves all ask these functions; `CHAIN_ISSUE_SQL` below is the same
 * rules read over stored rows (KPI figures and `npm run ledger:check`), so a record that got in behind the
 * gates is left out of the figures and reported instead of counted.
 */

/** Whether a deal needs the 15-day public notice (促进科技成果转化法 art. 18): a university or institute
 * result priced by agreement. An unset pricing method counts as agreement, the common case, so a
 * forgotten field cannot skip the notice. */
export function publicNoticeRequired(deal: { resultId: string | null; pricingMethod: PricingMethod | null }, institutionKind: OrganizationKind): boolean {
  const publicInstitution = institutionKind === 'UNIVERSITY' || institutionKind === 'INSTITUTE';
  return !!deal.resultId && publicInstitution && (deal.pricingMethod ?? 'AGREEMENT') === 'AGREEMENT';
}

/** A deal whose contract has been signed; a lost deal counts by the stage it was lost from. */
export function reachedSigning(stage: DealStage, lostFromStage: DealStage | null): boolean {
  return SIGNED_DEAL_STAGES.includes(stage) || (stage === 'LOST' && !!lostFromStage && SIGNED_DEAL_STAGES.includes(lostFromStage));
}

export interface NoticeFacts {
  required: boolean;
  /** The deal's current (not withdrawn) notice, with how many of its objections are still unanswered. */
  notice: { endsOn: string; openObjections: number } | null;
  /** An administrator's reason for signing before the notice ended, already recorded on the deal. */
  overrideRecorded: boolean;
}

/**
 * The notice is no obstacle to a contract signed on `signedOn`: not needed, overridden, or over — ended
 * before that day and before today, with every objection filed against it answered (an upheld one
 * withdraws the notice, so only rejected ones remain).
 */
export function noticeCleared(f: NoticeFacts, signedOn: string, today: string): boolean {
  if (!f.required || f.overrideRecorded) return true;
  return f.notice !== null && f.notice.endsOn < signedOn && f.notice.endsOn < today && f.notice.openObjections === 0;
}

/** Why a notice that is not cleared holds the contract: its period, or (period over) unanswered objections. */
export function noticeRefusal(f: NoticeFacts, signedOn: string, today: string): ErrorCode {
  const periodOver = f.notice !== null && f.notice.endsOn < signedOn && f.notice.endsOn < today;
  return periodOver ? ErrorCode.DEAL_OBJECTIONS_UNANSWERED : ErrorCode.DEAL_PUBLIC_NOTICE_PENDING;
}

export type GateVerdict = { allowed: true; moveDeal: boolean; overrideUsed: boolean } | { allowed: false; code: ErrorCode; status: HttpStatus };

const no = (code: ErrorCode, status = HttpStatus.CONFLICT): GateVerdict => ({ allowed: false, code, status });

/**
 * May a signed contract be recorded on this deal now? Only once terms are agreed, and when a notice is
 * required only after it ended (before the signing date too) or with an administrator's reason. When the
 * deal is still at terms agreed or on notice, recording the contract moves it to 合同已签订.
 */
export function contractGate(g: { stage: DealStage; notice: NoticeFacts; signedOn: string; today: string; overrideReason: string | null; actorIsAdmin: boolean }): GateVerdict {
  if (g.stage === 'CLOSED' || g.stage === 'LOST') return no(ErrorCode.DEAL_NOT_OPEN);
  if (g.overrideReason?.trim() && !g.actorIsAdmin) return no(ErrorCode.DEAL_NOTICE_OVERRIDE_ADMIN_ONLY, HttpStatus.FORBIDDEN);
  const signed = SIGNED_DEAL_STAGES.includes(g.stage);
  if (!signed && g.stage !== 'TERMS_AGREED' && g.stage !== 'PUBLIC_NOTICE') return no(ErrorCode.CONTRACT_TERMS_NOT_AGREED);
  if (noticeCleared(g.notice, g.signedOn, g.today)) return { allowed: true, moveDeal: !signed, overrideUsed: false };
  if (!signed && g.overrideReason?.trim()) return { allowed: true, moveDeal: true, overrideUsed: true };
  return no(noticeRefusal(g.notice, g.signedOn, g.today));
}

/** Everything the chain of one stored contract depends on. */
export interface ChainFacts {
  deal: { stage: DealStage; lostFromStage: DealStage | null; notice: NoticeFacts } | null;
  signedOn: string;
  registrationSubmittedOn: string | null;
  registrationDecidedOn: string | null;
  firstReceivedOn: string | null;
}

/** The first break in a stored contract's chain, or null when it is complete. Mirrors CHAIN_ISSUE_SQL. */
export function chainIssue(f: ChainFacts): LedgerChainIssue | null {
  if (!f.deal) return 'NO_DEAL';
  if (!reachedSigning(f.deal.stage, f.deal.lostFromStage)) return 'TERMS_NOT_AGREED';
  // Stored rows: the notice must have ended before the signing date (today is not the question any more).
  if (!noticeCleared(f.deal.notice, f.signedOn, '9999-12-31')) return 'NOTICE_NOT_OVER';
  if ((f.registrationSubmittedOn && f.registrationSubmittedOn < f.signedOn) || (f.registrationDecidedOn && f.registrationDecidedOn < f.signedOn)) return 'REGISTERED_BEFORE_SIGNED';
  if (f.firstReceivedOn && f.firstReceivedOn < f.signedOn) return 'PAID_BEFORE_SIGNED';
  return null;
}

/** The notice facts of a deal, read inside the caller's transaction. */
export async function noticeFacts(manager: EntityManager, deal: DealEntity): Promise<NoticeFacts> {
  const institution = await getOrganizationFacts(manager, deal.institutionOrgId);
  const notice = await manager.findOne(PublicNoticeEntity, { where: { dealId: deal.id, withdrawnAt: IsNull() }, order: { createdAt: 'DESC' } });
  const openObjections = notice ? await manager.count(PublicNoticeObjectionEntity, { where: { noticeId: notice.id, answeredAt: IsNull() } }) : 0;
  return { required: publicNoticeRequired(deal, institution.kind), notice: notice ? { endsOn: notice.endsOn, openObjections } : null, overrideRecorded: !!deal.noticeOverrideReason };
}

/** The chain facts of a stored contract. */
export async function loadChainFacts(
  manager: EntityManager,
  c: { dealId: string | null; signedOn: string; registrationSubmittedOn: string | null; registrationDecidedOn: string | null; firstReceivedOn: string | null },
): Promise<ChainFacts> {
  const deal = c.dealId ? await manager.findOneBy(DealEntity, { id: c.dealId }) : null;
  return {
    deal: deal ? { stage: deal.stage, lostFromStage: deal.lostFromStage, notice: await noticeFacts(manager, deal) } : null,
    signedOn: c.signedOn,
    registrationSubmittedOn: c.registrationSubmittedOn,
    registrationDecidedOn: c.registrationDecidedOn,
    firstReceivedOn: c.firstReceivedOn,
  };
}

const quoted = (stages: readonly string[]) => stages.map((s) => `'${s}'`).join(', ');

/**
 * The same rules as `chainIssue`, as a SQL expression over `tech_contract c` joined with
 * `CHAIN_JOINS` (aliases ch_d, ch_i): the issue code, or NULL for a complete chain.
 */
export const CHAIN_JOINS = `LEFT JOIN deal ch_d ON ch_d.id = c.deal_id LEFT JOIN organization ch_i ON ch_i.id = ch_d.institution_org_id`;
export const CHAIN_ISSUE_SQL = `CASE
    WHEN ch_d.id IS NULL THEN 'NO_DEAL'
    WHEN NOT (ch_d.stage IN (${quoted(SIGNED_DEAL_STAGES)}) OR (ch_d.stage = 'LOST' AND ch_d.lost_from_stage IN (${quoted(SIGNED_DEAL_STAGES)}))) THEN 'TERMS_NOT_AGREED'
    WHEN ch_d.result_id IS NOT NULL AND ch_i.kind IN ('UNIVERSITY', 'INSTITUTE') AND coalesce(ch_d.pricing_method, 'AGREEMENT') = 'AGREEMENT'
      AND ch_d.notice_override_reason IS NULL
      AND NOT EXISTS (SELECT 1 FROM public_notice ch_n WHERE ch_n.deal_id = ch_d.id AND ch_n.withdrawn_at IS NULL AND ch_n.ends_on < c.signed_on
        AND NOT EXISTS (SELECT 1 FROM public_notice_objection ch_o WHERE ch_o.notice_id = ch_n.id AND ch_o.answered_at IS NULL)) THEN 'NOTICE_NOT_OVER'
    WHEN c.registration_submitted_on < c.signed_on OR c.registration_decided_on < c.signed_on THEN 'REGISTERED_BEFORE_SIGNED'
    WHEN c.first_received_on < c.signed_on THEN 'PAID_BEFORE_SIGNED'
  END`;
