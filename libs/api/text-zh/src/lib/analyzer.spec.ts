import { createAnalyzer, quoteLexeme, TextAnalyzer } from './analyzer';

describe('TextAnalyzer', () => {
  let analyzer: TextAnalyzer;

  beforeAll(() => {
    analyzer = createAnalyzer();
  });

  it('segments with the domain dictionaries and drops stopwords', () => {
    const { words } = analyzer.analyze('基于钙钛矿太阳能电池的研究', { mode: 'exact' });
    expect(words).toContain('钙钛矿太阳能电池');
    expect(words).not.toContain('研究');
    expect(words).not.toContain('基于');
    expect(words).not.toContain('的');
  });

  it('gives the same tokens for traditional and simplified text', () => {
    expect(analyzer.tokens('鋰電池正極材料')).toEqual(analyzer.tokens('锂电池正极材料'));
  });

  it('folds synonyms to the canonical term', () => {
    expect(analyzer.analyze('锂电池', { mode: 'exact' }).words).toEqual(['锂离子电池']);
    expect(analyzer.analyze('Li-ion', { mode: 'exact' }).words).toEqual(['锂离子电池']);
    expect(analyzer.analyze('锂离子电池', { mode: 'exact' }).words).toEqual(['锂离子电池']);
  });

  it('accepts synonym groups from the database', () => {
    const custom = createAnalyzer({ synonyms: [['氢能', '氢能源']] });
    expect(custom.analyze('氢能源', { mode: 'exact' }).words).toEqual(['氢能']);
  });

  it('search mode adds the dictionary sub-words of long words', () => {
    const { words } = analyzer.analyze('卷积神经网络', { mode: 'search' });
    expect(words).toEqual(expect.arrayContaining(['卷积神经网络', '卷积', '神经', '网络']));
  });

  it('emits bigrams of CJK runs, broken at stopwords', () => {
    const { bigrams } = analyzer.analyze('水煤浆的制备');
    expect(bigrams).toEqual(['水煤', '煤浆', '制备']);
    expect(analyzer.analyze('水煤浆', { bigrams: false }).bigrams).toEqual([]);
  });

  it('still matches a mis-segmented word through bigrams', () => {
    // The listing's text puts 电池 next to 钛矿, so the segmenter never produces the query word 钛矿电池;
    // its bigrams are all in the listing's tokens, which is what the tsquery fallback relies on.
    const doc = new Set(analyzer.tokens('一种钙钛矿电池组件'));
    const query = analyzer.analyze('钛矿电池', { mode: 'exact' });
    expect(query.words.every((w) => doc.has(w))).toBe(false);
    expect(query.bigrams.every((g) => doc.has(g))).toBe(true);
  });

  it('builds a search document of words and bigrams', () => {
    const doc = analyzer.searchDocument('锂电池正极', null, '材料');
    expect(doc.split(' ')).toEqual(expect.arrayContaining(['锂离子电池', '正极', '锂电', '电池', '材料']));
  });

  it('builds an AND tsquery with a bigram fallback per word, identical for traditional input', () => {
    const q = analyzer.tsQuery('锂电池正极材料');
    expect(q).toBe(
      "('锂离子电池' | '锂电池' | ('锂电' & '电池')) & ('正极材料' | ('正极' & '极材' & '材料'))",
    );
    expect(analyzer.tsQuery('鋰電池正極材料')).toBe(q);
  });

  it('builds an OR tsquery of all tokens', () => {
    expect(analyzer.tsQuery('水煤浆', { mode: 'any' }).split(' | ')).toEqual(
      expect.arrayContaining(["'水煤浆'", "'水煤'", "'煤浆'"]),
    );
    expect(analyzer.tsQuery('的')).toBe('');
  });

  it('quotes lexemes safely', () => {
    expect(quoteLexeme("o'neil\\")).toBe("'o''neil\\\\'");
  });
});

describe('TextAnalyzer token memo', () => {
  it('gives the same analysis when the same tokens recur', () => {
    const a = createAnalyzer();
    const first = a.analyze('锂离子电池的正极材料，以及锂离子电池的回收。');
    const again = a.analyze('锂离子电池的正极材料，以及锂离子电池的回收。');
    expect(again).toEqual(first);
    expect(first.words).not.toContain('的');
  });
});

describe('narrower expansion and pinyin keys (issue 15)', () => {
  const analyzer = createAnalyzer({
    synonyms: [['锂离子电池', '锂电池'], ['机器视觉', '计算机视觉'], { terms: ['人工智能', '计算机视觉', '大模型'], relation: 'NARROWER' }],
  });

  it('replaces a word by its narrower terms, keeping the other words', () => {
    expect(analyzer.narrowerTsQuery('人工智能')).toBe("('机器视觉' | '大模型')");
    expect(analyzer.narrowerTsQuery('人工智能 检测')).toBe("('机器视觉' | '大模型') & '检测'");
    expect(analyzer.narrowerTsQuery('检测')).toBe('');
  });

  it('gives the pinyin of a title word and of its equivalents', () => {
    expect(analyzer.pinyinKeys('锂离子电池热失控预警')).toEqual(expect.arrayContaining(['lilizidianchi', 'llzdc', 'lidianchi', 'ldc']));
  });
});

describe('segmenter ownership (issue 15)', () => {
  it('cuts the same text the same way whatever other analyzers were built before', () => {
    const text = '面向企业的视觉质检与缺陷复判系统';
    const before = createAnalyzer({ synonyms: [] }).analyze(text).words;
    createAnalyzer({ synonyms: [['视觉质检', '视觉检测'], ['缺陷复判', '复判']] });
    expect(createAnalyzer({ synonyms: [] }).analyze(text).words).toEqual(before);
  });
});

describe('words people read (issue 15)', () => {
  const analyzer = createAnalyzer({ synonyms: [['锂离子电池', '锂电池']] });

  it('knows the industry lexicon from everyday words', () => {
    expect(analyzer.isLexiconWord('锂离子电池')).toBe(true);
    expect(analyzer.isLexiconWord('接收')).toBe(false);
    expect(analyzer.isLexiconWord('距离')).toBe(false);
  });
});
