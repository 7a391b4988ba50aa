import { Speller } from './speller';

describe('Speller (issue 15)', () => {
  const speller = new Speller(['锂电池', '锂离子电池', '氢能', '激光雷达', '人工智能']);

  it('turns pinyin and initials into words', () => {
    expect(speller.suggest('lidianchi')[0]).toBe('锂电池');
    expect(speller.suggest('ldc')).toContain('锂电池');
    expect(speller.suggest('QingNeng')[0]).toBe('氢能');
  });

  it('corrects a homophone or one wrong character', () => {
    expect(speller.suggest('锂电吃')[0]).toBe('锂电池');
    expect(speller.suggest('激光雷打')[0]).toBe('激光雷达');
  });

  it('leaves known words alone and corrects word by word in a phrase', () => {
    expect(speller.suggest('人工智能')).toEqual([]);
    expect(speller.suggest('锂电吃 人工智能')).toEqual(['锂电池 人工智能']);
  });
});
