import { cjkBigrams } from './ngrams';

describe('cjkBigrams', () => {
  it('emits overlapping bigrams', () => {
    expect(cjkBigrams('锂电池')).toEqual(['锂电', '电池']);
  });

  it('keeps a single character and returns nothing for empty input', () => {
    expect(cjkBigrams('煤')).toEqual(['煤']);
    expect(cjkBigrams('')).toEqual([]);
  });
});
