import { ERROR_MESSAGES, ErrorCode, resolveLocale } from './error-codes';
import { formatValidationMessage } from './validation-messages';

describe('resolveLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.5,zh-TW;q=0.9', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    ['fr,en;q=0.3', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(resolveLocale(header)).toBe(expected);
  });
});

describe('error catalogue', () => {
  it('has a zh-CN and an en message for every code', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ERROR_MESSAGES[code]['zh-CN'].length).toBeGreaterThan(0);
      expect(ERROR_MESSAGES[code].en.length).toBeGreaterThan(0);
    }
  });
});

describe('formatValidationMessage', () => {
  it('fills arguments', () => {
    expect(formatValidationMessage('minLength', [10], 'zh-CN')).toBe('长度不能少于 10 个字符');
    expect(formatValidationMessage('isEnum', [['A', 'B']], 'en')).toBe('must be one of: A, B');
  });
  it('returns undefined for unknown constraints', () => {
    expect(formatValidationMessage('nope', [], 'en')).toBeUndefined();
  });
});
