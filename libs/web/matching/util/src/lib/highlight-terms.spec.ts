import { MatchReasonView } from '@xkx/contracts';
import { highlightTerms, reasonTerms } from './highlight-terms';

describe('reasonTerms', () => {
  it('collects the terms the reasons name, trimmed, once each, longest first', () => {
    const reasons = [{ terms: ['电池', ' 锂离子电池 '] }, { terms: ['电池', ''] }, {}] as unknown as MatchReasonView[];
    expect(reasonTerms(reasons)).toEqual(['锂离子电池', '电池']);
  });
});

describe('highlightTerms', () => {
  it('splits a text where the terms occur, the longest term winning at a position, case-insensitively', () => {
    expect(highlightTerms('高能量密度锂离子电池与电池管理BMS', ['电池', '锂离子电池', 'bms'])).toEqual([
      { text: '高能量密度', match: false },
      { text: '锂离子电池', match: true },
      { text: '与', match: false },
      { text: '电池', match: true },
      { text: '管理', match: false },
      { text: 'BMS', match: true },
    ]);
  });

  it('joins adjacent terms into one run and treats regex characters literally', () => {
    expect(highlightTerms('钙钛矿光伏(C++)', ['钙钛矿', '光伏', 'C++'])).toEqual([
      { text: '钙钛矿光伏', match: true },
      { text: '(', match: false },
      { text: 'C++', match: true },
      { text: ')', match: false },
    ]);
  });

  it('gives the whole text unmarked without terms, and nothing for no text', () => {
    expect(highlightTerms('储能', [])).toEqual([{ text: '储能', match: false }]);
    expect(highlightTerms('', ['储能'])).toEqual([]);
  });
});
