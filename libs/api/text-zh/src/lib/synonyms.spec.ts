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
