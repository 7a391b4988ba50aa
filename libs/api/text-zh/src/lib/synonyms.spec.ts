import { createSynonymIndex, defaultSynonymGroups, parseSynonymGroups } from './synonyms';

describe('createSynonymIndex', () => {
  const index = createSynonymIndex([
    ['锂离子电池', '锂电池', 'Li-ion'],
    ['集成电路', 'IC', '積體電路'],
  ]);

  it('folds every term of a group to its first term', () => {
    expect(index.canonical('锂电池')).toBe('锂离子电池');
    expect(index.canonical('li-ion')).toBe('锂离子电池');
    expect(index.canonical('锂离子电池')).toBe('锂离子电池');
  });

  it('normalises group terms (traditional, case) so they match normalised tokens', () => {
    expect(index.canonical('积体电路')).toBe('集成电路');
    expect(index.canonical('ic')).toBe('集成电路');
  });

  it('leaves unknown tokens alone and expands known ones', () => {
    expect(index.canonical('正极')).toBe('正极');
    expect(index.expand('锂电池')).toEqual(['锂离子电池', '锂电池', 'li-ion']);
    expect(index.expand('正极')).toEqual(['正极']);
  });

  it('keeps a term in its first group when listed twice', () => {
    const twice = createSynonymIndex([
      ['a1', 'shared'],
      ['b1', 'shared', 'b2'],
    ]);
    expect(twice.canonical('shared')).toBe('a1');
    expect(twice.canonical('b2')).toBe('b1');
  });
});

describe('synonym files', () => {
  it('parses groups separated by spaces, commas or 、', () => {
    expect(parseSynonymGroups(['甲 乙,丙、丁', '孤'])).toEqual([['甲', '乙', '丙', '丁']]);
  });

  it('ships default groups', () => {
    const groups = defaultSynonymGroups();
    expect(groups.length).toBeGreaterThan(10);
    expect(groups.some((g) => g[0] === '锂离子电池' && g.includes('锂电池'))).toBe(true);
  });
});

describe('narrower terms (issue 15)', () => {
  const index = createSynonymIndex([
    ['机器视觉', '计算机视觉'],
    ['大语言模型', '大模型'],
    { terms: ['人工智能', '计算机视觉', '大模型'], relation: 'NARROWER' },
    { terms: ['大语言模型', '检索增强生成'], relation: 'NARROWER' },
    { terms: ['检索增强生成', '人工智能'], relation: 'NARROWER' },
  ]);

  it('lists the canonical narrower terms through every level, once each, ending on a cycle', () => {
    expect(index.narrower('人工智能')).toEqual(['机器视觉', '大语言模型', '检索增强生成']);
    expect(index.narrower('大模型')).toEqual(['检索增强生成', '人工智能', '机器视觉']);
    expect(index.narrower('正极')).toEqual([]);
  });

  it('folds nothing: a narrower term keeps its own canonical form', () => {
    expect(index.canonical('人工智能')).toBe('人工智能');
    expect(index.canonical('计算机视觉')).toBe('机器视觉');
    expect(index.terms).toEqual(expect.arrayContaining(['人工智能', '检索增强生成']));
  });
});
