import { growthBp, meetsGrowth, ratioBp, subsidyFen } from './kpi-math';

describe('kpi math', () => {
  it('ratios in basis points round down, exactly', () => {
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(-1, 3)).toBe(-3334);
    expect(ratioBp(5, 0)).toBeNull();
    expect(ratioBp(840_000_000_000, 840_000_000_000)).toBe(10_000);
  });

  it('growth against 10 % is decided without rounding', () => {
    expect(growthBp(110, 100)).toBe(1000);
    expect(meetsGrowth(110, 100, 10)).toBe(true);
    expect(meetsGrowth(10_999_999, 10_000_000, 10)).toBe(false);
    expect(meetsGrowth(100, 0, 10)).toBeNull();
  });

  it('subsidies round down to the fen, then cap', () => {
    expect(subsidyFen(123_456_789, 200, 50_000_000)).toEqual({ rawFen: 2_469_135, amountFen: 2_469_135, capped: false });
    expect(subsidyFen(9_007_199_254_740_991, 500, 100_000_000)).toEqual({ rawFen: 450_359_962_737_049, amountFen: 100_000_000, capped: true });
  });
});
