import { fenToYuanInput, formatYuanExact, parseYuanInput, YuanInput } from './yuan-input';

const fen = (text: string): number | null => {
  const parsed: YuanInput = parseYuanInput(text);
  return parsed.ok ? parsed.fen : null;
};
const error = (text: string | null | undefined): string | null => {
  const parsed = parseYuanInput(text);
  return parsed.ok ? null : parsed.error;
};

describe('parseYuanInput: 元 as typed → integer fen, by string parsing', () => {
  it.each([
    ['1,234,567.89', 123_456_789],
    ['1234567.89', 123_456_789],
    ['0.01', 1],
    ['0.1', 10],
    ['0.10', 10],
    ['800', 80_000],
    ['0', 0],
    ['007.5', 750],
    ['  34,567.80  ', 3_456_780],
    ['¥1,000', 100_000],
    ['￥ 12.34', 1_234],
    ['99 元', 9_900],
    ['１，２３４．５６', 123_456],
    ['90071992547409.91', 9_007_199_254_740_991],
  ])('%s → %d fen', (text, expected) => expect(fen(text)).toBe(expected));

  it('is exact where floats are not', () => {
    // 0.29 * 100 is 28.999999999999996 and 1234567.89 * 100 is 123456788.99999999 in floating point.
    expect(fen('0.29')).toBe(29);
    expect(fen('1234567.89')).toBe(123_456_789);
    expect((fen('0.1') ?? 0) + (fen('0.2') ?? 0)).toBe(30);
  });

  it('refuses three decimals, even trailing zeros', () => {
    expect(error('1.234')).toBe('decimals');
    expect(error('1.230')).toBe('decimals');
    expect(error('0.001')).toBe('decimals');
  });

  it('refuses negatives', () => {
    expect(error('-5')).toBe('negative');
    expect(error('−5.00')).toBe('negative');
    expect(error('-0')).toBe('negative');
  });

  it.each([
    'abc',
    '800.',
    '1.2.3',
    '1,23',
    '12,34,567',
    ',123',
    '123,',
    '1e5',
    '0x10',
    '+5',
    '5万',
    '1 234',
    '.5',
    '12.3a',
    'NaN',
    'Infinity',
  ])('refuses %s as junk', (text) => expect(error(text)).toBe('format'));

  it('refuses empty input and amounts beyond safe integers', () => {
    expect(error('')).toBe('empty');
    expect(error('   ')).toBe('empty');
    expect(error(null)).toBe('empty');
    expect(error(undefined)).toBe('empty');
    expect(error('90071992547409.92')).toBe('tooLarge');
    expect(error('100000000000000000000')).toBe('tooLarge');
  });
});

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
