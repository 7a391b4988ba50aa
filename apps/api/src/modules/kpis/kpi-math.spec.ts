import { growthBp, meetsGrowth, paceOf, ratioBp, subsidyFen, yearElapsedBp } from './kpi-math';

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

describe('pace', () => {
  it('measures the share of the year elapsed up to and including the day, in basis points', () => {
    expect(yearElapsedBp('2026-12-04')).toBe(9260); // 338 / 365: the observed 92 %
    expect(yearElapsedBp('2026-01-01')).toBe(27);
    expect(yearElapsedBp('2026-12-31')).toBe(10_000);
    expect(yearElapsedBp('2028-12-31')).toBe(10_000); // leap year: 366 / 366
    expect(yearElapsedBp('2028-02-29')).toBe(1639); // 60 / 366
  });

  it('puts a figure ahead of or behind that pace', () => {
    expect(paceOf(424, 9260)).toEqual({ progressBp: 424, expectedBp: 9260, gapBp: -8836 });
    expect(paceOf(null, 9260)).toBeNull();
  });
});
