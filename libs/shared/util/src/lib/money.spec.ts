import { fenToYuanInput, fenToYuanString, formatFen, groupedYuan, isFen, parseYuanToFen } from './money';

describe('money in fen', () => {
  it.each([
    ['12,345.67', 1234567],
    ['¥0.01', 1],
    ['1.5万', 1500000],
    ['84亿', 840000000000],
    ['100元', 10000],
    ['0.1', 10],
  ])('parses %s', (text, fen) => expect(parseYuanToFen(text)).toBe(fen));
  it('refuses sub-fen precision and junk', () => {
    expect(parseYuanToFen('0.001')).toBeNull();
    expect(parseYuanToFen('abc')).toBeNull();
    expect(parseYuanToFen('-5')).toBeNull();
  });
  it('keeps 0.1 + 0.2 exact', () => {
    expect((parseYuanToFen('0.1') ?? 0) + (parseYuanToFen('0.2') ?? 0)).toBe(30);
  });
  it('formats', () => {
    expect(fenToYuanString(1234567)).toBe('12345.67');
    expect(formatFen(123456, 'en')).toBe('¥1,234.56');
    expect(formatFen(840000000000, 'zh-CN')).toBe('84亿元');
    expect(formatFen(1500000, 'zh-CN')).toBe('1.5万元');
    // 万/亿 rounding is integer arithmetic, half away from zero, exact up to the largest safe fen.
    expect(formatFen(1_234_567_891, 'zh-CN')).toBe('1234.57万元');
    expect(formatFen(1_000_005_000, 'zh-CN')).toBe('1000.01万元');
    expect(formatFen(1_000_004_999, 'zh-CN')).toBe('1000万元');
    expect(formatFen(-1_500_000, 'zh-CN')).toBe('-1.5万元');
    expect(formatFen(-1_000_005_000, 'zh-CN')).toBe('-1000.01万元');
    expect(formatFen(Number.MAX_SAFE_INTEGER, 'zh-CN')).toBe('900719.93亿元');
  });
  it('checks fen', () => {
    expect(isFen(5)).toBe(true);
    expect(isFen(5.5)).toBe(false);
    expect(isFen(-1)).toBe(false);
  });
});

describe('groupedYuan and fenToYuanInput (one formatter for the deal page, the ledger and the forms)', () => {
  it('shows every fen with thousands separators', () => {
    expect(groupedYuan(123_456_789)).toBe('1,234,567.89');
    expect(groupedYuan(0)).toBe('0.00');
    expect(groupedYuan(-5)).toBe('-0.05');
    expect(groupedYuan(-123_456_789)).toBe('-1,234,567.89');
    expect(groupedYuan(Number.MAX_SAFE_INTEGER)).toBe('90,071,992,547,409.91');
  });
  it('gives an editable amount without trailing .00', () => {
    expect(fenToYuanInput(840_000_000_000)).toBe('8400000000');
    expect(fenToYuanInput(12_345)).toBe('123.45');
    expect(fenToYuanInput(null)).toBe('');
  });
});
