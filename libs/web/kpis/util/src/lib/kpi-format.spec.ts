import { compactYuan, escapeHtml, growthBp, percentText, progressWidth, yuan, yuanText } from './kpi-format';

describe('KPI display of integers', () => {
  it('writes fen as yuan exactly, with separators', () => {
    expect(yuanText(0)).toBe('0.00');
    expect(yuanText(1)).toBe('0.01');
    expect(yuanText(99)).toBe('0.99');
    expect(yuanText(123_456_789)).toBe('1,234,567.89');
    expect(yuanText(840_000_000_000)).toBe('8,400,000,000.00');
    expect(yuanText(-1_005)).toBe('-10.05');
    // The largest exact integer: no float rounding anywhere.
    expect(yuanText(Number.MAX_SAFE_INTEGER)).toBe('90,071,992,547,409.91');
    expect(yuan(4_679_012_346)).toBe('¥46,790,123.46');
    expect(yuan(-1)).toBe('-¥0.01');
    expect(() => yuanText(1.5)).toThrow(RangeError);
  });

  it('shortens money for axis ticks, rounding half up on the digits', () => {
    expect(compactYuan(840_000_000_000, 'zh-CN')).toBe('84亿元');
    expect(compactYuan(4_679_012_346, 'zh-CN')).toBe('4679.01万元');
    expect(compactYuan(1_234_567_891_234, 'zh-CN')).toBe('123.46亿元');
    expect(compactYuan(12_345, 'zh-CN')).toBe('123.45元');
    expect(compactYuan(0, 'zh-CN')).toBe('0元');
    expect(compactYuan(840_000_000_000, 'en')).toBe('¥8.4bn');
    expect(compactYuan(4_679_012_346, 'en')).toBe('¥46.79M');
    expect(compactYuan(250_000, 'en')).toBe('¥2.5k');
    expect(compactYuan(-250_000, 'en')).toBe('-¥2.5k');
  });

  it('writes basis points as percentages with two decimals', () => {
    expect(percentText(0)).toBe('0.00%');
    expect(percentText(5)).toBe('0.05%');
    expect(percentText(1_234)).toBe('12.34%');
    expect(percentText(13_333)).toBe('133.33%');
    expect(percentText(-250)).toBe('-2.50%');
    expect(percentText(null)).toBe('—');
  });

  it('computes year-over-year growth in basis points, rounded down like the API', () => {
    expect(growthBp(110, 100)).toBe(1_000);
    expect(growthBp(366_666_666, 333_333_333)).toBe(999); // 9.9999999 %
    expect(growthBp(1, 3)).toBe(-6_667); // −66.666… % rounds down
    expect(growthBp(5, 0)).toBeNull();
  });

  it('caps progress bars at 100 % and treats nothing as 0', () => {
    expect(progressWidth(5_000)).toBe(50);
    expect(progressWidth(13_333)).toBe(100);
    expect(progressWidth(null)).toBe(0);
  });

  it('escapes names for HTML tooltips', () => {
    expect(escapeHtml('<b>A&B "x"</b>')).toBe('&#60;b&#62;A&#38;B &#34;x&#34;&#60;/b&#62;');
  });
});
