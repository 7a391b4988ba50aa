import { fenToWanYuan, monthBounds, previousMonth } from './wan-yuan';

describe('万元 from fen', () => {
  it.each([
    [0, 0],
    [123_456_789, 123.46],
    [123_449_999, 123.45],
    [5_000, 0.01],
    [4_999, 0],
    [840_000_000_000, 840_000],
    [-15_000, -0.02],
  ])('%i fen → %d 万元', (fen, wan) => expect(fenToWanYuan(fen)).toBe(wan));

  it('knows month ends and the month before', () => {
    expect(monthBounds('2026-02')).toEqual({ year: 2026, first: '2026-02-01', last: '2026-02-28' });
    expect(monthBounds('2028-02').last).toBe('2028-02-29');
    expect(previousMonth('2026-12-01')).toBe('2026-11');
    expect(previousMonth('2027-01-01')).toBe('2026-12');
  });
});
