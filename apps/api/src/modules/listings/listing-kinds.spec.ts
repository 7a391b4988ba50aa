import { LISTING_KINDS, ListingKind } from '@xkx/contracts';
import { NeedEntity } from './entities/need.entity';
import { ResultEntity } from './entities/result.entity';
import { LISTING_SPECS, NEED_SPEC, RESULT_SPEC } from './listing-kinds';

const result = Object.assign(new ResultEntity(), {
  id: 'r1',
  title: '高镍三元正极材料',
  valueProposition: '能量密度提升 15%',
  publicSummary: '公开摘要',
  problemSolved: '循环寿命短',
  advantages: '成本低',
  applications: '动力电池',
  indicators: [{ name: '比容量', value: '210', unit: 'mAh/g' }],
  keywords: ['正极', '锂电池'],
  fieldCodes: ['NE.BAT'],
  trl: 6,
  priceNegotiable: false,
  priceMinFen: 100,
  priceMaxFen: 200,
  priceType: 'FIXED',
  transferModes: ['LICENSE'],
  confidentialDetail: '工艺参数：保密',
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  validUntil: '2027-01-01',
  organizationId: 'o1',
});
const need = Object.assign(new NeedEntity(), {
  id: 'n1',
  title: '电池热失控预警',
  publicSummary: '公开摘要',
  problem: '热失控难以提前发现',
  mustHaves: ['提前 10 分钟'],
  niceToHaves: ['低成本'],
  indicators: [],
  keywords: ['热失控'],
  fieldCodes: ['NE.BAT'],
  minTrl: 5,
  budgetNegotiable: true,
  budgetMinFen: null,
  budgetMaxFen: null,
  cooperationModes: ['JOINT_DEVELOPMENT'],
  anonymous: true,
  confidentialDetail: '厂区布局：保密',
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  validUntil: '2027-01-01',
  organizationId: 'o2',
});

describe('listing kinds', () => {
  it('each spec carries its kind’s shared facts, and the counterpart of the counterpart is itself', () => {
    for (const kind of Object.keys(LISTING_KINDS) as ListingKind[]) {
      const spec = LISTING_SPECS[kind];
      expect(spec).toMatchObject(LISTING_KINDS[kind]);
      expect(LISTING_KINDS[spec.counterpart].counterpart).toBe(kind);
    }
  });

  it('search and matching read the same public text, never the confidential layer', () => {
    expect(RESULT_SPEC.searchParts(result).body).toBe(RESULT_SPEC.text(result));
    expect(RESULT_SPEC.matchDoc(result)).toMatchObject({ kind: 'result', id: 'r1', summary: RESULT_SPEC.text(result), trl: 6, price: { min: 100, max: 200 } });
    expect(NEED_SPEC.searchParts(need).body).toBe(NEED_SPEC.text(need));
    expect(NEED_SPEC.matchDoc(need)).toMatchObject({ kind: 'need', id: 'n1', description: NEED_SPEC.text(need), minTrl: 5, budget: null });
    for (const text of [RESULT_SPEC.text(result), NEED_SPEC.text(need), JSON.stringify(RESULT_SPEC.matchDoc(result)), JSON.stringify(NEED_SPEC.matchDoc(need))]) {
      expect(text).not.toContain('保密');
    }
  });

  it('a card shows a result’s value, TRL, price and modes, and a need’s problem, minimum TRL, budget and anonymity', () => {
    expect(RESULT_SPEC.face(result)).toEqual({
      subtitle: '能量密度提升 15%',
      trl: 6,
      money: { negotiable: false, minFen: 100, maxFen: 200, priceType: 'FIXED' },
      modes: ['LICENSE'],
      anonymous: false,
    });
    expect(NEED_SPEC.face(need)).toEqual({
      subtitle: '热失控难以提前发现',
      trl: 5,
      money: { negotiable: true, minFen: null, maxFen: null },
      modes: ['JOINT_DEVELOPMENT'],
      anonymous: true,
    });
  });
});
