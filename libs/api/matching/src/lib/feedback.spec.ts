import { FeedbackModel } from './feedback';

describe('FeedbackModel', () => {
  it('marks declined pairs and boosts good pairs', () => {
    const m = new FeedbackModel();
    m.add({ needId: 'n1', resultId: 'r1', verdict: 'declined', reason: 'OTHER' }, [], 4);
    m.add({ needId: 'n1', resultId: 'r2', verdict: 'good' }, [], 6);
    expect(m.isDeclined('n1', 'r1')).toBe(true);
    expect(m.isDeclined('n1', 'r2')).toBe(false);
    expect(m.factor('n1', 'r2', [])).toMatchObject({ value: 1, reasons: [{ code: 'BROKER_FEEDBACK' }] });
  });

  it('carries verdicts over to other pairs through shared terms', () => {
    const m = new FeedbackModel();
    m.add({ needId: 'n1', resultId: 'r1', verdict: 'good' }, ['钙钛矿', '光伏'], 5);
    m.add({ needId: 'n2', resultId: 'r2', verdict: 'good' }, ['钙钛矿'], 5);
    m.add({ needId: 'n3', resultId: 'r3', verdict: 'declined', reason: 'NOT_A_FIT' }, ['涂料'], 5);
    expect(m.termAdjustment('钙钛矿')).toBeCloseTo(0.5);
    expect(m.factor('n9', 'r9', ['钙钛矿']).value).toBeGreaterThan(0);
    expect(m.factor('n9', 'r9', ['涂料']).value).toBeLessThan(0);
    expect(m.factor('n9', 'r9', ['无关']).value).toBe(0);
  });

  it('raises the need’s effective minimum TRL after a too-early-stage decline', () => {
    const m = new FeedbackModel();
    m.add({ needId: 'n1', resultId: 'r1', verdict: 'declined', reason: 'TOO_EARLY_STAGE' }, [], 4);
    expect(m.minTrlFor('n1')).toBe(5);
    expect(m.minTrlFor('n2')).toBeUndefined();
  });
});
