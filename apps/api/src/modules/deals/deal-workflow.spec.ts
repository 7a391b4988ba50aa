import { DEAL_STAGE_ORDER, DealStage } from '@xkx/contracts';
import { publicNoticeEnded, publicNoticeEndsOn, shanghaiDate } from '@xkx/util';
import { checkMove, MoveContext } from './deal-guards';
import { allowedTargets, canMove, DEAL_TRANSITIONS, isOpen } from './deal-workflow';

/** Every legal move, written out once more by hand so the table cannot drift silently. */
const LEGAL: Array<[DealStage, DealStage]> = [
  ['LEAD', 'TRIAGE'],
  ['TRIAGE', 'INTRODUCED'],
  ['INTRODUCED', 'INTERESTED'],
  ['INTERESTED', 'NDA_SIGNED'],
  ['NDA_SIGNED', 'NEGOTIATING'],
  ['NEGOTIATING', 'TERMS_AGREED'],
  ['TERMS_AGREED', 'PUBLIC_NOTICE'],
  ['TERMS_AGREED', 'CONTRACT_SIGNED'],
  ['TERMS_AGREED', 'NEGOTIATING'],
  ['PUBLIC_NOTICE', 'CONTRACT_SIGNED'],
  ['PUBLIC_NOTICE', 'NEGOTIATING'],
  ['CONTRACT_SIGNED', 'REGISTERED'],
  ['REGISTERED', 'PAID'],
  ['PAID', 'CLOSED'],
  ...DEAL_STAGE_ORDER.filter((s) => s !== 'CLOSED' && s !== 'LOST').map((s): [DealStage, DealStage] => [s, 'LOST']),
];

const ALL_PAIRS = DEAL_STAGE_ORDER.flatMap((from) => DEAL_STAGE_ORDER.map((to): [DealStage, DealStage] => [from, to]));
const isLegal = (from: DealStage, to: DealStage) => LEGAL.some(([f, t]) => f === from && t === to);

const ctx = (over: Partial<MoveContext>): MoveContext => ({
  from: 'LEAD', to: 'TRIAGE', note: null, overrideReason: null, actorIsAdmin: false,
  contractCount: 1, registeredContractCount: 1, receivedFen: 1, noticeRequired: false, notice: null,
  overrideRecorded: false, earliestSignedOn: '2026-03-21', today: '2026-03-20', partiesWithoutNda: 0, intendedPriceFen: 100, ...over,
});

describe('deal state machine', () => {
  it.each(ALL_PAIRS.filter(([f, t]) => isLegal(f, t)))('allows %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
  });

  it.each(ALL_PAIRS.filter(([f, t]) => !isLegal(f, t)))('refuses %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(false);
    expect(checkMove(ctx({ from, to, note: 'x' }))).toMatchObject({ allowed: false, refusal: { code: 'DEAL_TRANSITION_NOT_ALLOWED', status: 409 } });
  });

  it('has exactly the legal moves, and closed and lost are final', () => {
    const count = Object.values(DEAL_TRANSITIONS).reduce((n, targets) => n + targets.length, 0);
    expect(count).toBe(LEGAL.length);
    expect(allowedTargets('CLOSED')).toEqual([]);
    expect(allowedTargets('LOST')).toEqual([]);
    expect(isOpen('PAID')).toBe(true);
    expect(isOpen('CLOSED')).toBe(false);
  });
});

describe('deal guards', () => {
  it('needs a reason to mark a deal lost', () => {
    expect(checkMove(ctx({ to: 'LOST', note: '  ' }))).toMatchObject({ allowed: false, refusal: { code: 'VALIDATION_FAILED', status: 400 } });
    expect(checkMove(ctx({ to: 'LOST', note: '企业预算取消' }))).toEqual({ allowed: true, overrideUsed: false });
  });

  it('needs every party to accept the NDA', () => {
    expect(checkMove(ctx({ from: 'INTERESTED', to: 'NDA_SIGNED', partiesWithoutNda: 1 }))).toMatchObject({ refusal: { code: 'DEAL_NDA_PENDING' } });
    expect(checkMove(ctx({ from: 'INTERESTED', to: 'NDA_SIGNED' })).allowed).toBe(true);
  });

  it('needs a price for the public notice', () => {
    expect(checkMove(ctx({ from: 'TERMS_AGREED', to: 'PUBLIC_NOTICE', intendedPriceFen: null }))).toMatchObject({ refusal: { code: 'DEAL_PRICE_REQUIRED' } });
  });

  it('needs a contract record before signing', () => {
    expect(checkMove(ctx({ from: 'TERMS_AGREED', to: 'CONTRACT_SIGNED', contractCount: 0 }))).toMatchObject({ refusal: { code: 'DEAL_CONTRACT_REQUIRED' } });
  });

  it('holds signing until the public notice ended, unless an administrator records why', () => {
    const base = { from: 'PUBLIC_NOTICE' as const, to: 'CONTRACT_SIGNED' as const, noticeRequired: true };
    expect(checkMove(ctx({ ...base, notice: { endsOn: '2026-03-20', openObjections: 0 } }))).toMatchObject({ refusal: { code: 'DEAL_PUBLIC_NOTICE_PENDING' } });
    expect(checkMove(ctx({ ...base, notice: { endsOn: '2026-03-19', openObjections: 0 } }))).toEqual({ allowed: true, overrideUsed: false });
    expect(checkMove(ctx({ ...base, from: 'TERMS_AGREED', notice: null }))).toMatchObject({ refusal: { code: 'DEAL_PUBLIC_NOTICE_PENDING' } });
    expect(checkMove(ctx({ ...base, notice: { endsOn: '2026-03-25', openObjections: 0 }, overrideReason: '区政府批复同意', actorIsAdmin: true }))).toEqual({ allowed: true, overrideUsed: true });
    expect(checkMove(ctx({ ...base, notice: { endsOn: '2026-03-25', openObjections: 0 }, overrideReason: '经理人自行跳过' }))).toMatchObject({ refusal: { code: 'DEAL_NOTICE_OVERRIDE_ADMIN_ONLY', status: 403 } });
    expect(checkMove(ctx({ from: 'TERMS_AGREED', to: 'CONTRACT_SIGNED', noticeRequired: false })).allowed).toBe(true);
    // Period over, an objection still unanswered: held, with its own reason.
    expect(checkMove(ctx({ ...base, notice: { endsOn: '2026-03-19', openObjections: 1 } }))).toMatchObject({ refusal: { code: 'DEAL_OBJECTIONS_UNANSWERED' } });
    // A contract dated before the notice ended does not count as signed after it.
    expect(checkMove(ctx({ ...base, notice: { endsOn: '2026-03-19', openObjections: 0 }, earliestSignedOn: '2026-03-19' }))).toMatchObject({ refusal: { code: 'DEAL_PUBLIC_NOTICE_PENDING' } });
  });

  it('needs a registered contract, then money received', () => {
    expect(checkMove(ctx({ from: 'CONTRACT_SIGNED', to: 'REGISTERED', registeredContractCount: 0 }))).toMatchObject({ refusal: { code: 'DEAL_CONTRACT_NOT_REGISTERED' } });
    expect(checkMove(ctx({ from: 'REGISTERED', to: 'PAID', receivedFen: 0 }))).toMatchObject({ refusal: { code: 'DEAL_PAYMENT_REQUIRED' } });
  });
});

describe('public notice dates (Asia/Shanghai calendar days)', () => {
  it('counts 15 days including the first', () => {
    expect(publicNoticeEndsOn('2026-03-01')).toBe('2026-03-15');
    expect(publicNoticeEndsOn('2026-02-20')).toBe('2026-03-06');
    expect(publicNoticeEndsOn('2028-02-20')).toBe('2028-03-05');
  });

  it('uses the Shanghai date, not UTC', () => {
    // 16:30 UTC is 00:30 the next day in Shanghai.
    expect(shanghaiDate(new Date('2026-03-15T16:30:00Z'))).toBe('2026-03-16');
    expect(shanghaiDate(new Date('2026-03-15T15:59:00Z'))).toBe('2026-03-15');
    expect(publicNoticeEnded('2026-03-15', new Date('2026-03-15T15:59:00Z'))).toBe(false);
    expect(publicNoticeEnded('2026-03-15', new Date('2026-03-15T16:00:00Z'))).toBe(true);
  });
});
