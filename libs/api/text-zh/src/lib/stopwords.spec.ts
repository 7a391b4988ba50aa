import { createStopwordSet, defaultStopwords } from './stopwords';

describe('stopwords', () => {
  it('ships function words and generic research words, but no domain words', () => {
    const s = defaultStopwords();
    for (const w of ['的', '研究', '方法', '基于', '分析']) expect(s.has(w)).toBe(true);
    for (const w of ['电池', '钙钛矿', '集成电路']) expect(s.has(w)).toBe(false);
  });

  it('normalises custom lists', () => {
    expect([...createStopwordSet(['研究', '研究', 'ＡＢ', '與'])]).toEqual(['研究', 'ab', '与']);
  });
});
