import { AVAILABILITY_FACTOR, PeopleRanker, personScore, SENIORITY_WEIGHT } from './people';
import type { NeedDoc } from './types';

const need: NeedDoc = {
  kind: 'need',
  id: 'n1',
  title: '高镍三元正极材料循环寿命提升',
  description: '我公司生产动力电池，高镍三元正极循环衰减快，希望通过表面包覆改性提升循环寿命。',
  fieldCodes: ['NE.BAT'],
};

describe('PeopleRanker', () => {
  const people = [
    { id: 'cathode', directions: '高镍三元正极材料；正极表面包覆改性；锂离子电池循环寿命', body: '论文 高镍正极材料包覆改性', fieldCodes: ['NE.BAT'], seniority: 0.8, availability: 'OPEN' as const },
    { id: 'h2', directions: '碱性电解水制氢；析氢催化剂', body: '专利 一种电解槽', fieldCodes: ['NE.H2'], seniority: 0.6, availability: 'OPEN' as const },
    { id: 'tcm', directions: '经典名方；中药复方制剂', body: '项目 中药颗粒剂', fieldCodes: ['BIO.TCM'], seniority: 1, availability: 'OPEN' as const },
    { id: 'anode', directions: '硅碳负极；预锂化；锂离子电池快充', body: '论文 硅碳负极', fieldCodes: ['NE.BAT'], seniority: 0.6, availability: 'OPEN' as const },
  ];

  it('ranks the person whose directions and outputs say the need’s words first, and explains it', () => {
    const hits = new PeopleRanker(people).rank(need, 10);
    expect(hits[0]?.id).toBe('cathode');
    expect(hits[0]?.terms.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.id)).not.toContain('tcm');
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('weighs title by at most SENIORITY_WEIGHT and availability by its factor', () => {
    expect(personScore({ score: 1 }, { seniority: 1, availability: 'OPEN' }).score).toBeCloseTo(1);
    expect(personScore({ score: 1 }, { seniority: 0, availability: 'OPEN' }).score).toBeCloseTo(1 - SENIORITY_WEIGHT);
    expect(personScore({ score: 1 }, { seniority: 1, availability: 'UNAVAILABLE' }).score).toBeCloseTo(AVAILABILITY_FACTOR.UNAVAILABLE);
    const neutral = personScore({ score: 0.5 }, {}).factors;
    expect(neutral.text).toBe(0.5);
    expect(neutral.seniority).toBeCloseTo(1 - SENIORITY_WEIGHT / 2);
    expect(neutral.availability).toBe(1);
  });

  it('puts an available expert ahead of an unavailable one with the same text', () => {
    const twins = [
      { ...people[0], id: 'busy', availability: 'UNAVAILABLE' as const },
      { ...people[0], id: 'free', availability: 'OPEN' as const },
    ];
    expect(new PeopleRanker(twins).rank(need, 2).map((h) => h.id)).toEqual(['free', 'busy']);
  });
});
