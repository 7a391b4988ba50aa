import { ChainFacts, chainIssue, contractGate, NoticeFacts } from './chain-rules';

const none: NoticeFacts = { required: false, notice: null, overrideRecorded: false };
const pending: NoticeFacts = { required: true, notice: { endsOn: '2026-03-25', openObjections: 0 }, overrideRecorded: false };
const gate = (over: Partial<Parameters<typeof contractGate>[0]>) =>
  contractGate({ stage: 'TERMS_AGREED', notice: none, signedOn: '2026-03-26', today: '2026-03-27', overrideReason: null, actorIsAdmin: false, ...over });

describe('contract gate: a signed contract only after agreed terms and the notice', () => {
  it.each(['LEAD', 'TRIAGE', 'INTRODUCED', 'INTERESTED', 'NDA_SIGNED', 'NEGOTIATING'] as const)('refuses at %s', (stage) => {
    expect(gate({ stage })).toMatchObject({ allowed: false, code: 'CONTRACT_TERMS_NOT_AGREED', status: 409 });
  });

  it('moves a deal at terms agreed or on notice, and adds to a signed deal without moving it', () => {
    expect(gate({})).toEqual({ allowed: true, moveDeal: true, overrideUsed: false });
    expect(gate({ stage: 'PUBLIC_NOTICE', notice: pending })).toEqual({ allowed: true, moveDeal: true, overrideUsed: false });
    expect(gate({ stage: 'REGISTERED' })).toEqual({ allowed: true, moveDeal: false, overrideUsed: false });
    expect(gate({ stage: 'LOST' })).toMatchObject({ allowed: false, code: 'DEAL_NOT_OPEN' });
  });

  it('holds a contract until the notice ended before its signing date and before today, unless an administrator records why', () => {
    expect(gate({ stage: 'PUBLIC_NOTICE', notice: pending, today: '2026-03-25' })).toMatchObject({ code: 'DEAL_PUBLIC_NOTICE_PENDING' });
    expect(gate({ stage: 'PUBLIC_NOTICE', notice: pending, signedOn: '2026-03-25' })).toMatchObject({ code: 'DEAL_PUBLIC_NOTICE_PENDING' });
    expect(gate({ notice: { ...pending, notice: null } })).toMatchObject({ code: 'DEAL_PUBLIC_NOTICE_PENDING' });
    expect(gate({ notice: { ...pending, notice: null }, overrideReason: '经理人自行跳过' })).toMatchObject({ code: 'DEAL_NOTICE_OVERRIDE_ADMIN_ONLY', status: 403 });
    expect(gate({ notice: { ...pending, notice: null }, overrideReason: '区政府批复同意', actorIsAdmin: true })).toEqual({ allowed: true, moveDeal: true, overrideUsed: true });
    expect(gate({ stage: 'CONTRACT_SIGNED', notice: { ...pending, overrideRecorded: true }, signedOn: '2026-03-01' }).allowed).toBe(true);
  });

  it('counts the notice as over only when its period ended and every objection is answered', () => {
    const objected: NoticeFacts = { ...pending, notice: { endsOn: '2026-03-25', openObjections: 1 } };
    expect(gate({ stage: 'PUBLIC_NOTICE', notice: objected })).toMatchObject({ allowed: false, code: 'DEAL_OBJECTIONS_UNANSWERED', status: 409 });
    expect(gate({ stage: 'PUBLIC_NOTICE', notice: objected, today: '2026-03-25' })).toMatchObject({ code: 'DEAL_PUBLIC_NOTICE_PENDING' });
    expect(gate({ stage: 'PUBLIC_NOTICE', notice: objected, overrideReason: '区政府批复同意', actorIsAdmin: true })).toEqual({ allowed: true, moveDeal: true, overrideUsed: true });
    expect(chainIssue({ deal: { stage: 'CONTRACT_SIGNED', lostFromStage: null, notice: objected }, signedOn: '2026-03-26', registrationSubmittedOn: null, registrationDecidedOn: null, firstReceivedOn: null })).toBe('NOTICE_NOT_OVER');
  });
});

describe('chain issue of a stored contract', () => {
  const facts = (over: Partial<ChainFacts>): ChainFacts => ({
    deal: { stage: 'REGISTERED', lostFromStage: null, notice: none },
    signedOn: '2026-03-26', registrationSubmittedOn: '2026-03-27', registrationDecidedOn: '2026-04-01', firstReceivedOn: '2026-04-02', ...over,
  });

  it('finds the first break, or none', () => {
    expect(chainIssue(facts({}))).toBeNull();
    expect(chainIssue(facts({ deal: null }))).toBe('NO_DEAL');
    expect(chainIssue(facts({ deal: { stage: 'NEGOTIATING', lostFromStage: null, notice: none } }))).toBe('TERMS_NOT_AGREED');
    expect(chainIssue(facts({ deal: { stage: 'LOST', lostFromStage: 'NEGOTIATING', notice: none } }))).toBe('TERMS_NOT_AGREED');
    expect(chainIssue(facts({ deal: { stage: 'LOST', lostFromStage: 'PAID', notice: none } }))).toBeNull();
    expect(chainIssue(facts({ deal: { stage: 'CONTRACT_SIGNED', lostFromStage: null, notice: pending }, signedOn: '2026-03-25' }))).toBe('NOTICE_NOT_OVER');
    expect(chainIssue(facts({ deal: { stage: 'CONTRACT_SIGNED', lostFromStage: null, notice: pending } }))).toBeNull();
    expect(chainIssue(facts({ deal: { stage: 'CONTRACT_SIGNED', lostFromStage: null, notice: { ...pending, overrideRecorded: true } } }))).toBeNull();
    expect(chainIssue(facts({ registrationSubmittedOn: '2026-03-25' }))).toBe('REGISTERED_BEFORE_SIGNED');
    expect(chainIssue(facts({ firstReceivedOn: '2026-03-25' }))).toBe('PAID_BEFORE_SIGNED');
  });
});
