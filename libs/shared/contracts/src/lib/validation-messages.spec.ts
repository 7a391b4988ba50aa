import { formatValidationMessage } from './validation-messages';

describe('formatValidationMessage', () => {
  it('words the allowed values of an enum by their labels, never the codes', () => {
    expect(formatValidationMessage('isEnum', [{ INDICATIVE: 'INDICATIVE', FLOOR: 'FLOOR', FIRM: 'FIRM' }], 'zh-CN')).toBe('取值必须是以下之一：参考价、底价、一口价');
    expect(formatValidationMessage('isIn', [['INDICATIVE', 'FLOOR', 'FIRM']], 'en')).toMatch(/^must be one of: \w/);
    expect(formatValidationMessage('isIn', [['INDICATIVE', 'FLOOR', 'FIRM']], 'en')).not.toMatch(/INDICATIVE|FLOOR|FIRM/);
  });

  it('keeps values it has no words for as they are (what the user typed)', () => {
    expect(formatValidationMessage('unknownFieldCode', [['XX.YY']], 'zh-CN')).toBe('包含不存在的技术领域：XX.YY');
    expect(formatValidationMessage('maxLength', [200], 'zh-CN')).toBeDefined();
  });

  it('writes amounts in fen as yuan', () => {
    expect(formatValidationMessage('paymentExceedsContract', [123456790, 123456789], 'zh-CN')).toBe('累计到账将达 ¥1,234,567.90，超过合同成交额 ¥1,234,567.89');
  });
});
