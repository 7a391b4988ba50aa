import { fenToYuanString, formatFen, isFen, parseYuanToFen } from './money';

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
  });
  it('checks fen', () => {
    expect(isFen(5)).toBe(true);
    expect(isFen(5.5)).toBe(false);
    expect(isFen(-1)).toBe(false);
  });
});
