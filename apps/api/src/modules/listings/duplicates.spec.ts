import { NEAR_IDENTICAL_TITLE, titleSimilarity } from './duplicates';

describe('titleSimilarity', () => {
  it('sees near-identical titles', () => {
    expect(titleSimilarity('高镍三元正极材料表面包覆改性技术', '高镍三元正极材料表面包覆改性技术（二代）')).toBeGreaterThanOrEqual(NEAR_IDENTICAL_TITLE);
    expect(titleSimilarity('高鎳三元正極材料表面包覆改性技術', '高镍三元正极材料表面包覆改性技术')).toBe(1);
  });
  it('keeps different titles apart', () => {
    expect(titleSimilarity('高镍三元正极材料表面包覆改性技术', '钠离子电池硬碳负极材料制备技术')).toBeLessThan(0.4);
  });
});
