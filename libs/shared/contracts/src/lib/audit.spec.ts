import { AUDIT_ACTION_LABELS, AuditAction, auditDiff, describeAuditDetails, formatAuditValue, formatFen } from './audit';

describe('audit vocabulary', () => {
  it('derives every action from its label, so a new action is one line', () => {
    for (const key of Object.keys(AUDIT_ACTION_LABELS)) expect(AuditAction[key as AuditAction]).toBe(key);
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label['zh-CN']).toMatch(/\p{Script=Han}/u);
  });

  it('writes fen as yuan, exactly, without floats', () => {
    expect(formatFen(100_000_000)).toBe('¥1,000,000.00');
    expect(formatFen('123456789012345678')).toBe('¥1,234,567,890,123,456.78');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatAuditValue('contractAmountFen', 300_000_000)).toEqual({ 'zh-CN': '3,000,000.00 元', en: '¥3,000,000.00' });
  });

  it('describes changes and facts in people’s words: labels, no codes, ids or braces', () => {
    const { changes, facts } = describeAuditDetails('DEAL_STAGE_CHANGED', {
      changes: { stage: { from: 'NEGOTIATING', to: 'TERMS_AGREED' }, agreedPriceFen: { from: null, to: 100_000_000 } },
      note: '价格谈妥',
      organizationId: '6f1c3a57-1d0b-4a0e-9a39-1b8e4f1c2d3e',
      dealId: '6f1c3a57-1d0b-4a0e-9a39-1b8e4f1c2d3e',
    });
    expect(changes).toEqual([
      { field: 'stage', label: { 'zh-CN': '阶段', en: 'Stage' }, from: { 'zh-CN': '尽调与谈判', en: 'Due diligence and negotiation' }, to: { 'zh-CN': '条款达成', en: 'Terms agreed' } },
      { field: 'agreedPriceFen', label: { 'zh-CN': '约定价格', en: 'Agreed price' }, from: { 'zh-CN': '（空）', en: '(none)' }, to: { 'zh-CN': '1,000,000.00 元', en: '¥1,000,000.00' } },
    ]);
    expect(facts).toEqual([{ field: 'note', label: { 'zh-CN': '备注', en: 'Note' }, value: { 'zh-CN': '价格谈妥', en: '价格谈妥' } }]);
    const words = [...changes, ...facts].flatMap((v) => Object.values(v).filter((x): x is Record<string, string> => typeof x === 'object').flatMap((x) => Object.values(x)));
    for (const w of words) expect(w).not.toMatch(/NEGOTIATING|TERMS_AGREED|[{}]|6f1c3a57/);
  });

  it('reads older entries that kept one change as top-level from/to', () => {
    const { changes } = describeAuditDetails('ROLE_CHANGED', { from: 'RESEARCHER', to: 'BROKER' });
    expect(changes[0]).toMatchObject({ field: 'role', from: { 'zh-CN': '科研人员' }, to: { 'zh-CN': '技术经理人' } });
  });

  it('diffs only the fields that changed', () => {
    const before = { stage: 'LEAD', amountFen: 100, title: 'x' };
    expect(auditDiff(before, { stage: 'TRIAGE', amountFen: 100 }, ['stage', 'amountFen', 'title'])).toEqual({ stage: { from: 'LEAD', to: 'TRIAGE' } });
  });
});
