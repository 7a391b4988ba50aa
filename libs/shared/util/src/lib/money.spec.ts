import { AmountUnit, fenToYuanInput, fenToYuanString, formatFen, groupedYuan, isFen, parseAmount, parseYuanToFen, sumFen } from './money';

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

describe('parseAmount: the one parser of every amount field (web forms, Excel import)', () => {
  const fen = (text: string, unit: AmountUnit = 'yuan'): number | null => {
    const parsed = parseAmount(text, unit);
    return parsed.ok ? parsed.fen : null;
  };
  const error = (text: string | null | undefined, unit: AmountUnit = 'yuan'): string | null => {
    const parsed = parseAmount(text, unit);
    return parsed.ok ? null : parsed.error;
  };

  it.each([
    // The four ways people write three million yuan, in a field counted in 元.
    ['300万', 300_000_000],
    ['3,000,000.00', 300_000_000],
    ['3000000', 300_000_000],
    ['300万元', 300_000_000],
    ['1.5亿', 15_000_000_000],
    ['1.5亿元', 15_000_000_000],
    ['¥3,000,000', 300_000_000],
    ['￥ 3000000.00 元', 300_000_000],
    ['3000000元', 300_000_000],
    ['３，０００，０００．００', 300_000_000],
    ['３００万', 300_000_000],
    ['300 万', 300_000_000],
    ['1,234,567.89', 123_456_789],
    ['0.01', 1],
    ['0.1', 10],
    ['0', 0],
    ['007.5', 750],
    ['  34,567.80  ', 3_456_780],
    ['1.234567万', 1_234_567],
    ['0.0000000001亿', 1],
    ['0.00000001亿', 100],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
    ['900719.9254740991亿', Number.MAX_SAFE_INTEGER],
  ])('%s → %d fen', (text, expected) => expect(fen(text)).toBe(expected));

  it('counts a bare number in the field’s unit and an explicit unit as written (万元 fields of listings)', () => {
    expect(fen('300', 'wan')).toBe(300_000_000);
    expect(fen('12.5', 'wan')).toBe(12_500_000);
    expect(fen('300万', 'wan')).toBe(300_000_000);
    expect(fen('300万元', 'wan')).toBe(300_000_000);
    expect(fen('1.5亿', 'wan')).toBe(15_000_000_000);
    expect(fen('3,000,000.00元', 'wan')).toBe(300_000_000);
    expect(fen('0.000001', 'wan')).toBe(1);
    expect(error('0.0000001', 'wan')).toBe('decimals');
  });

  it('is exact where floats are not', () => {
    // 0.29 * 100 is 28.999999999999996 and 1.1 * 10000 * 100 is 11000000.000000002 in floating point.
    expect(fen('0.29')).toBe(29);
    expect(fen('1.1万')).toBe(1_100_000);
    expect(fen('1234567.89')).toBe(123_456_789);
    expect((fen('0.1') ?? 0) + (fen('0.2') ?? 0)).toBe(30);
  });

  it('refuses more than two decimals of 元, even trailing zeros', () => {
    expect(error('1.234')).toBe('decimals');
    expect(error('1.230')).toBe('decimals');
    expect(error('0.001')).toBe('decimals');
    expect(error('1.2345678万')).toBe('decimals');
    expect(error('1.23456789012亿')).toBe('decimals');
  });

  it('refuses negatives', () => {
    expect(error('-5')).toBe('negative');
    expect(error('−5.00')).toBe('negative');
    expect(error('-0')).toBe('negative');
    expect(error('-300万')).toBe('negative');
    expect(error('¥-5')).toBe('negative');
  });

  it('refuses amounts beyond the largest exact integer of fen', () => {
    expect(error('90071992547409.92')).toBe('tooLarge');
    expect(error('100000000000000000000')).toBe('tooLarge');
    expect(error('900719.9254740992亿')).toBe('tooLarge');
    expect(error('99999999999亿')).toBe('tooLarge');
    expect(error('90071992547410', 'wan')).toBe('tooLarge');
  });

  it('tells nothing typed apart from junk', () => {
    expect(error('')).toBe('empty');
    expect(error('   ')).toBe('empty');
    expect(error(null)).toBe('empty');
    expect(error(undefined)).toBe('empty');
    expect(error('元')).toBe('format');
    expect(error('万')).toBe('format');
  });

  it.each(['abc', '800.', '1.2.3', '1,23', '12,34,567', ',123', '123,', '1e5', '0x10', '+5', '1 234', '.5', '12.3a', 'NaN', 'Infinity', '5万万', '5亿万', '5千', '万5', '300万.5', '1,2345万'])(
    'refuses %s as junk',
    (text) => expect(error(text)).toBe('format'),
  );

  it('gives back what fenToYuanInput writes, for every unit', () => {
    for (const value of [0, 1, 99, 100, 123_456_789, Number.MAX_SAFE_INTEGER]) expect(fen(fenToYuanInput(value))).toBe(value);
  });

  it('keeps parseYuanToFen as its null-or-fen shorthand', () => {
    expect(parseYuanToFen('300万')).toBe(300_000_000);
    expect(parseYuanToFen('0.001')).toBeNull();
    expect(parseYuanToFen('')).toBeNull();
  });
});

describe('sumFen', () => {
  it('adds exactly and refuses a total beyond safe integers', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow();
  });
});
