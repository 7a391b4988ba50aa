import { MatchIndex } from './match-index';
import type { NeedDoc, ResultDoc } from './types';

const now = new Date('2026-06-01T00:00:00Z');

const results: ResultDoc[] = [
  {
    kind: 'result',
    id: 'battery',
    title: '高能量密度锂离子电池正极材料',
    summary: '一种镍钴锰三元正极材料的制备工艺，提升锂离子电池能量密度与循环寿命。',
    keywords: ['锂离子电池', '正极材料', '三元材料'],
    fieldCodes: ['NE.BAT'],
    trl: 6,
    price: { min: 2_000_000, max: 3_000_000 },
    transferModes: ['LICENSE_GENERAL'],
    updatedAt: '2026-05-20T00:00:00Z',
    organizationId: 'uni-1',
  },
  {
    kind: 'result',
    id: 'perovskite',
    title: '钙钛矿太阳能电池封装技术',
    summary: '提高钙钛矿光伏组件的稳定性，延长户外寿命。',
    keywords: ['钙钛矿', '封装'],
    fieldCodes: ['NE.PV'],
    trl: 4,
    organizationId: 'uni-2',
  },
  {
    kind: 'result',
    id: 'vision',
    title: '基于深度学习的工业缺陷检测',
    summary: '采用卷积神经网络识别金属表面缺陷，适用于产线质检。',
    keywords: ['机器视觉', '缺陷检测'],
    fieldCodes: ['AI.CV'],
    trl: 7,
    organizationId: 'uni-1',
  },
  {
    kind: 'result',
    id: 'coating',
    title: '船舶防腐涂料',
    summary: '环保型防腐涂料配方。',
    keywords: ['涂料', '防腐'],
    fieldCodes: ['NM'],
    organizationId: 'uni-3',
  },
];

const batteryNeed: NeedDoc = {
  kind: 'need',
  id: 'need-1',
  title: '寻求鋰電池正極材料技术',
  description: '希望提升动力电池能量密度',
  keywords: ['锂电池'],
  fieldCodes: ['NE.BAT'],
  minTrl: 5,
  budget: { min: 1_000_000, max: 5_000_000 },
  cooperationModes: ['LICENSE_GENERAL', 'TRANSFER'],
  organizationId: 'ent-1',
};

function buildIndex(): MatchIndex {
  const index = new MatchIndex();
  index.addAll(results);
  index.upsert(batteryNeed);
  return index;
}

describe('MatchIndex', () => {
  let index: MatchIndex;

  beforeEach(() => {
    index = buildIndex();
  });

  it('ranks the relevant result first for a need written in traditional characters and synonyms', () => {
    const hits = index.match(batteryNeed, { now });
    expect(hits[0]?.id).toBe('battery');
    expect(hits[0]?.components.text).toBe(1);
  });

  it('explains the match with shared terms and every structured factor, in zh and en', () => {
    const [hit] = index.match(batteryNeed, { now });
    const codes = hit?.reasons.map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'SHARED_TERMS',
        'SAME_FIELD',
        'TRL_MEETS',
        'PRICE_WITHIN_BUDGET',
        'MODES_MATCH',
        'RECENTLY_UPDATED',
      ]),
    );
    const shared = hit?.reasons.find((r) => r.code === 'SHARED_TERMS');
    expect(shared?.terms).toEqual(expect.arrayContaining(['锂离子电池']));
    expect(shared?.zh).toMatch(/^共同关键词：/);
    expect(shared?.en).toMatch(/^Shared key terms: /);
    expect(hit?.reasons.find((r) => r.code === 'TRL_MEETS')?.en).toBe('TRL 6 ≥ required 5');
  });

  it('matches in the other direction (result → needs)', () => {
    const hits = index.matchesFor('result', 'battery', { now });
    expect(hits.map((h) => h.id)).toEqual(['need-1']);
    expect(hits[0]?.kind).toBe('need');
  });

  it('updates and removes listings incrementally', () => {
    index.upsert({
      ...results[3]!,
      title: '锂离子电池正极材料回收',
      summary: '废旧锂电池正极材料回收再利用',
      keywords: ['锂离子电池'],
    });
    expect(index.size('result')).toBe(4);
    expect(index.match(batteryNeed, { now }).map((h) => h.id)).toContain('coating');
    expect(index.remove('result', 'battery')).toBe(true);
    expect(index.remove('result', 'battery')).toBe(false);
    expect(index.match(batteryNeed, { now }).map((h) => h.id)).not.toContain('battery');
    expect(index.size('result')).toBe(3);
  });

  it('excludes expired listings, same-organisation pairs and declined pairs', () => {
    index.upsert({ ...results[0]!, validUntil: '2026-01-01' });
    expect(index.match(batteryNeed, { now }).map((h) => h.id)).not.toContain('battery');
    index.upsert({ ...results[0]!, organizationId: 'ent-1' });
    expect(index.match(batteryNeed, { now }).map((h) => h.id)).not.toContain('battery');
    index.upsert(results[0]!);
    index.setFeedback([{ needId: 'need-1', resultId: 'battery', verdict: 'declined', reason: 'NOT_A_FIT' }]);
    expect(index.match(batteryNeed, { now }).map((h) => h.id)).not.toContain('battery');
  });

  it('boosts a pair a broker confirmed', () => {
    const before = index.match(batteryNeed, { now }).find((h) => h.id === 'battery');
    index.setFeedback([{ needId: 'need-1', resultId: 'battery', verdict: 'good' }]);
    const after = index.match(batteryNeed, { now }).find((h) => h.id === 'battery');
    expect(after!.score).toBeGreaterThan(before!.score);
    expect(after!.components.feedback).toBe(1);
    expect(after!.reasons.map((r) => r.code)).toContain('BROKER_FEEDBACK');
  });

  it('penalises TRL below the minimum and a field mismatch', () => {
    const need: NeedDoc = {
      ...batteryNeed,
      id: 'need-2',
      title: '钙钛矿电池封装',
      keywords: [],
      minTrl: 6,
      fieldCodes: ['AI'],
    };
    const hit = index.match(need, { now }).find((h) => h.id === 'perovskite');
    expect(hit?.components.trl).toBeLessThan(0);
    expect(hit?.components.field).toBeLessThan(0);
    expect(hit?.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['TRL_BELOW', 'DIFFERENT_FIELD']));
  });

  it('finds a result through words that occur only in its summary', () => {
    const need: NeedDoc = { kind: 'need', id: 'need-3', title: '产线质检自动化', organizationId: 'ent-9' };
    const hits = index.match(need, { now });
    expect(hits[0]?.id).toBe('vision');
  });
});

describe('MatchIndex semantic layer and pool smoothing', () => {
  it('learns its semantic space as a small index grows through upserts alone', () => {
    const index = new MatchIndex();
    for (const r of results) index.upsert(r);
    const hits = index.match(batteryNeed, { now });
    expect(hits[0]?.id).toBe('battery');
    expect(hits.some((h) => h.components.semantic > 0)).toBe(true);
  });

  it('keeps relevance in [0, 1] and equal to the text/semantic blend when smoothing is off', () => {
    const plain = new MatchIndex({ config: { smoothing: { enabled: false } } });
    plain.addAll(results);
    for (const h of plain.match(batteryNeed, { now })) {
      const sw = plain.config.semantic.weight;
      expect(h.components.relevance).toBeCloseTo((1 - sw) * h.components.text + sw * h.components.semantic, 6);
    }
    const smoothed = buildIndex();
    for (const h of smoothed.match(batteryNeed, { now })) {
      expect(h.components.relevance).toBeGreaterThanOrEqual(0);
      expect(h.components.relevance).toBeLessThanOrEqual(1);
    }
  });

  it('refreshSemantics keeps rankings stable for an unchanged corpus', () => {
    const index = buildIndex();
    const before = index.match(batteryNeed, { now }).map((h) => h.id);
    index.refreshSemantics();
    expect(index.match(batteryNeed, { now }).map((h) => h.id)).toEqual(before);
  });

  it('loading in batches without refits, then one refresh, ranks exactly like one bulk load', () => {
    const once = buildIndex();
    const batched = new MatchIndex();
    for (let i = 0; i < results.length; i += 2) batched.addAll(results.slice(i, i + 2), { refresh: false });
    batched.upsert(batteryNeed);
    batched.refreshSemantics();
    const ranks = (index: MatchIndex) => index.match(batteryNeed, { now }).map((h) => [h.id, h.score]);
    expect(ranks(batched)).toEqual(ranks(once));
  });
});

describe('terms people read in reasons (issue 15)', () => {
  it('names words of the texts or the lexicon, never search-mode pieces or everyday related words', () => {
    const index = new MatchIndex({ config: { semantic: { enabled: false } } });
    const result: ResultDoc = {
      kind: 'result',
      id: 'wms',
      title: '智能仓储管理系统',
      summary: '仓储管理系统支持货位优化与出入库调度，接收订单后按距离规划拣选路径。',
      keywords: ['仓储管理系统', '货位优化'],
    };
    const filler: ResultDoc[] = ['冷链物流温度监测', '港口集装箱调度', '电商订单分拣机器人'].map((title, i) => ({ kind: 'result', id: `f${i}`, title, summary: `${title}，接收数据并计算距离。`, keywords: [] }));
    index.addAll([result, ...filler]);
    const need: NeedDoc = { kind: 'need', id: 'n', title: '仓储管理系统升级需求', description: '现有仓储管理系统无法做货位优化。', keywords: ['仓储管理系统'] };
    const top = index.match(need, { limit: 5 }).find((h) => h.id === 'wms');
    const terms = (top?.reasons ?? []).filter((r) => r.code === 'SHARED_TERMS' || r.code === 'RELATED_TERMS').flatMap((r) => r.terms ?? []);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms).not.toContain('管理系');
    expect(terms).not.toContain('接收');
    expect(terms).not.toContain('距离');
    for (const term of terms) expect(['仓储管理系统', '货位优化', '仓储', '管理系统', '升级', '优化', '货位', '管理', '系统', '仓储管理']).toContain(term);
  });
});

describe('displayed strength (issue 15)', () => {
  it('is on one scale for every query: a need with weak evidence shows lower than one with strong, though both lead their lists', () => {
    const index = buildIndex();
    const strong = index.match(batteryNeed, { now })[0];
    const weak = index.match({ kind: 'need', id: 'need-weak', title: '寻求环保技术', description: '', keywords: [] }, { now })[0];
    expect(strong?.id).toBe('battery');
    expect(weak).toBeDefined();
    for (const hit of [strong, weak]) {
      expect(hit?.confidence).toBeGreaterThan(0);
      expect(hit?.confidence).toBeLessThan(1);
    }
    expect(strong?.confidence).toBeGreaterThan((weak?.confidence ?? 1) + 0.1);
    expect(strong?.components.coverage).toBeGreaterThan(weak?.components.coverage ?? 1);
  });

  it('a pair matching on text and every structured factor shows stronger than the same text alone', () => {
    const index = buildIndex();
    const bare: NeedDoc = { ...batteryNeed, id: 'need-bare', fieldCodes: [], minTrl: null, budget: undefined, cooperationModes: [] };
    const withFactors = index.match(batteryNeed, { now }).find((h) => h.id === 'battery');
    const textOnly = index.match(bare, { now }).find((h) => h.id === 'battery');
    expect(withFactors?.confidence).toBeGreaterThan(textOnly?.confidence ?? 1);
  });
});

describe('first result rule (issue 15)', () => {
  it('with minLead above any lead, or a zero margin for short queries, the fused order is kept', () => {
    const plain = new MatchIndex({ config: { firstResult: { enabled: false } } });
    const lead = new MatchIndex({ config: { firstResult: { minLead: 2 } } });
    const short = new MatchIndex({ config: { firstResult: { shortQueryWords: 1000, shortQueryMargin: 0 } } });
    for (const index of [plain, lead, short]) index.addAll(results);
    const ids = (index: MatchIndex): string[] => index.match(batteryNeed, { now, reasons: false }).map((h) => h.id);
    expect(ids(lead)).toEqual(ids(plain));
    expect(ids(short)).toEqual(ids(plain));
  });
});

describe('learnFromVerdicts (the retraining job, issue 15)', () => {
  it('learns nothing below the floor, and leaves the index as it was', async () => {
    const index = buildIndex();
    index.setFeedback([{ needId: batteryNeed.id, resultId: 'vision', verdict: 'declined' }]);
    const before = index.matchesFor('need', batteryNeed.id, { now, reasons: false }).map((h) => [h.id, h.score]);
    const verdicts = [
      { needId: batteryNeed.id, resultId: 'battery', accepted: true },
      { needId: batteryNeed.id, resultId: 'vision', accepted: false },
    ];
    expect(await index.learnFromVerdicts(verdicts)).toBeUndefined();
    expect(index.learnedWeights).toBeUndefined();
    expect(index.matchesFor('need', batteryNeed.id, { now, reasons: false }).map((h) => [h.id, h.score])).toEqual(before);
  });
});
