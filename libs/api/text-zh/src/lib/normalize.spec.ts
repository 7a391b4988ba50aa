import { cleanToken, foldToSimplified, isCjkWord, normalizeText } from './normalize';

describe('normalizeText', () => {
  it('folds full-width forms and upper-case Latin (NFKC + lower-case)', () => {
    expect(normalizeText('ＡＢＣ　５Ｇ通信')).toBe('abc 5g通信');
  });

  it('folds traditional characters to simplified', () => {
    expect(normalizeText('鋰電池與積體電路')).toBe('锂电池与积体电路');
    expect(foldToSimplified('鈣鈦礦')).toBe('钙钛矿');
  });

  it('leaves simplified text unchanged (no Taiwan phrase rewriting)', () => {
    expect(normalizeText('评价指标体系')).toBe('评价指标体系');
  });

  it('turns punctuation into single spaces but keeps joiners inside technical tokens', () => {
    expect(normalizeText('锂电池，正极材料；Li-ion（3.5V）  C++！')).toBe('锂电池 正极材料 li-ion 3.5v c++');
  });

  it('returns an empty string for empty input', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText(' ，。 ')).toBe('');
  });
});

describe('token helpers', () => {
  it('trims joiners left at token edges', () => {
    expect(cleanToken('-ion')).toBe('ion');
    expect(cleanToken('3.')).toBe('3');
    expect(cleanToken('c++')).toBe('c++');
  });

  it('recognises CJK words', () => {
    expect(isCjkWord('钙钛矿')).toBe(true);
    expect(isCjkWord('5g通信')).toBe(false);
    expect(isCjkWord('')).toBe(false);
  });
});
