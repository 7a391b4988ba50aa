import { parseAmount } from '@xkx/util';
import { fenToYuanInput, formatYuanExact } from './yuan-input';

const fen = (text: string): number | null => {
  const parsed = parseAmount(text);
  return parsed.ok ? parsed.fen : null;
};

// Parsing is tested with the one parser (libs/shared/util money.spec.ts).
describe('showing fen as 元', () => {
  it('fills an input without losing a fen', () => {
    expect(fenToYuanInput(123_456_789)).toBe('1234567.89');
    expect(fenToYuanInput(80_000)).toBe('800');
    expect(fenToYuanInput(3_456_780)).toBe('34567.80');
    expect(fenToYuanInput(null)).toBe('');
    expect(fen(fenToYuanInput(123_456_789))).toBe(123_456_789);
  });

  it('formats exactly, grouped by thousands', () => {
    expect(formatYuanExact(123_456_789)).toBe('1,234,567.89');
    expect(formatYuanExact(120_000_009)).toBe('1,200,000.09');
    expect(formatYuanExact(5)).toBe('0.05');
    expect(formatYuanExact(0)).toBe('0.00');
    expect(formatYuanExact(-123_456)).toBe('-1,234.56');
  });
});
