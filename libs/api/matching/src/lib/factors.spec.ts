import {
  codeProximity,
  fieldFactor,
  freshnessFactor,
  isExpired,
  modesFactor,
  pickReasonTerms,
  priceFactor,
  sharedTermsReason,
  trlFactor,
} from './factors';
import type { NeedDoc, ResultDoc } from './types';

const need = (over: Partial<NeedDoc> = {}): NeedDoc => ({ kind: 'need', id: 'n1', title: '需求', ...over });
const result = (over: Partial<ResultDoc> = {}): ResultDoc => ({
  kind: 'result',
  id: 'r1',
  title: '成果',
  ...over,
});

describe('field proximity', () => {
  it('ranks same code > ancestor > sibling > same root > unrelated', () => {
    expect(codeProximity('AI.CV', 'AI.CV')).toBe(1);
    expect(codeProximity('AI', 'AI.CV')).toBe(0.7);
    expect(codeProximity('AI.CV', 'AI.NLP')).toBe(0.4);
    expect(codeProximity('AI.CV.OCR', 'AI.NLP.MT')).toBe(0.2);
    expect(codeProximity('AI', 'NE')).toBe(0);
  });

  it('gives reasons and a penalty for unrelated fields; neutral without codes', () => {
    const same = fieldFactor(need({ fieldCodes: ['AI.CV'] }), result({ fieldCodes: ['NE', 'AI.CV'] }));
    expect(same.value).toBe(1);
    expect(same.reasons[0]).toMatchObject({ code: 'SAME_FIELD', zh: '同一技术领域（AI.CV）' });
    const related = fieldFactor(need({ fieldCodes: ['AI.CV'] }), result({ fieldCodes: ['AI'] }));
    expect(related).toMatchObject({ value: 0.7, reasons: [{ code: 'RELATED_FIELD' }] });
    expect(fieldFactor(need({ fieldCodes: ['AI'] }), result({ fieldCodes: ['NE'] })).value).toBe(-0.3);
    expect(fieldFactor(need(), result({ fieldCodes: ['NE'] }))).toEqual({ value: 0, reasons: [] });
  });
});

describe('TRL fit', () => {
  it('rewards meeting the minimum, in both languages', () => {
    const f = trlFactor(need({ minTrl: 5 }), result({ trl: 6 }));
    expect(f.value).toBe(1);
    expect(f.reasons[0]).toMatchObject({
      code: 'TRL_MEETS',
      zh: 'TRL 6 ≥ 需求最低 5',
      en: 'TRL 6 ≥ required 5',
    });
  });

  it('penalises a third per missing level, capped at -1', () => {
    expect(trlFactor(need({ minTrl: 6 }), result({ trl: 5 })).value).toBeCloseTo(-1 / 3);
    expect(trlFactor(need({ minTrl: 9 }), result({ trl: 2 })).value).toBe(-1);
  });

  it('is neutral when either side is unknown, and honours a feedback-raised minimum', () => {
    expect(trlFactor(need(), result({ trl: 3 })).value).toBe(0);
    expect(trlFactor(need({ minTrl: 4 }), result()).value).toBe(0);
    expect(trlFactor(need({ minTrl: 4 }), result({ trl: 5 }), 6).value).toBeLessThan(0);
  });
});

describe('price vs budget', () => {
  const budget = { min: 1_000_000, max: 5_000_000 };

  it('rewards a price inside the budget', () => {
    const f = priceFactor(need({ budget }), result({ price: { min: 2_000_000, max: 3_000_000 } }));
    expect(f).toMatchObject({
      value: 1,
      reasons: [{ code: 'PRICE_WITHIN_BUDGET', zh: '报价在预算内', en: 'Price within budget' }],
    });
  });

  it('half-rewards an overlap and penalises a price above the cap', () => {
    expect(priceFactor(need({ budget }), result({ price: { min: 4_000_000, max: 8_000_000 } })).value).toBe(
      0.5,
    );
    const above = priceFactor(need({ budget }), result({ price: { min: 10_000_000, max: null } }));
    expect(above.value).toBe(-0.75);
    expect(above.reasons[0]?.zh).toBe('最低报价 10万元 超出预算上限 5万元');
  });

  it('treats 面议 on either side as neutral', () => {
    expect(priceFactor(need({ budget: null }), result({ price: { min: 1, max: 2 } })).value).toBe(0);
    expect(priceFactor(need({ budget }), result({ price: { min: null, max: null } }))).toMatchObject({
      value: 0,
      reasons: [{ code: 'PRICE_NEGOTIABLE' }],
    });
  });
});

describe('modes', () => {
  it('rewards a shared mode and names it', () => {
    const f = modesFactor(
      need({ cooperationModes: ['LICENSE_GENERAL', 'TRANSFER'] }),
      result({ transferModes: ['TRANSFER'] }),
    );
    expect(f).toMatchObject({
      value: 1,
      reasons: [{ code: 'MODES_MATCH', modes: ['TRANSFER'], zh: '合作方式一致：转让' }],
    });
  });

  it('penalises disjoint modes; neutral when unknown', () => {
    expect(
      modesFactor(need({ cooperationModes: ['EQUITY'] }), result({ transferModes: ['SERVICE'] })).value,
    ).toBe(-0.5);
    expect(modesFactor(need(), result({ transferModes: ['SERVICE'] })).value).toBe(0);
  });
});

describe('freshness and expiry', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('halves every half-life and flags recent updates', () => {
    const fresh = freshnessFactor({ updatedAt: '2026-05-25T00:00:00Z' }, now, 180);
    expect(fresh.value).toBeGreaterThan(0.97);
    expect(fresh.reasons[0]?.code).toBe('RECENTLY_UPDATED');
    expect(freshnessFactor({ updatedAt: new Date('2025-12-03T00:00:00Z') }, now, 180).value).toBeCloseTo(
      0.5,
      2,
    );
    expect(freshnessFactor({}, now, 180).value).toBe(0);
  });

  it('detects expired listings', () => {
    expect(isExpired({ validUntil: '2026-05-31' }, now)).toBe(true);
    expect(isExpired({ validUntil: '2026-06-02' }, now)).toBe(false);
    expect(isExpired({}, now)).toBe(false);
  });
});

describe('term reasons', () => {
  it('lists informative terms, skipping ones contained in a listed term', () => {
    expect(pickReasonTerms(['锂离子电池', '电池', '正极', '正极材料', '隔膜'], 3)).toEqual([
      '锂离子电池',
      '正极材料',
      '隔膜',
    ]);
    expect(sharedTermsReason(['锂离子电池', '正极'])).toEqual({
      code: 'SHARED_TERMS',
      terms: ['锂离子电池', '正极'],
      zh: '共同关键词：锂离子电池、正极',
      en: 'Shared key terms: 锂离子电池, 正极',
    });
    expect(sharedTermsReason([])).toBeUndefined();
  });
});

describe('pickReasonTerms', () => {
  it('prefers whole words over their fragments and drops single characters', () => {
    const { pickReasonTerms } = jest.requireActual<typeof import('./factors')>('./factors');
    expect(pickReasonTerms(['感器', '热', '传感器', '钙钛矿', '钙钛'], 5)).toEqual(['传感器', '钙钛矿']);
  });
});
