import { MessageKey, MESSAGES_ZH_CN } from './messages';
import { MESSAGES_EN } from './messages-en';

const MESSAGES = { 'zh-CN': MESSAGES_ZH_CN, en: MESSAGES_EN };

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('UI messages', () => {
  const keys = Object.keys(MESSAGES['zh-CN']) as MessageKey[];

  it('say something in both languages', () => {
    const empty = keys.filter((key) => !MESSAGES['zh-CN'][key].trim() || !MESSAGES.en[key].trim());
    expect(empty).toEqual([]);
  });

  // The types make both languages define the same keys; the {name} placeholders I18nService.t fills are only text.
  it('take the same {placeholders} in both languages', () => {
    const differ = keys
      .filter((key) => placeholders(MESSAGES['zh-CN'][key]).join() !== placeholders(MESSAGES.en[key]).join())
      .map((key) => `${key}: ${placeholders(MESSAGES['zh-CN'][key]).join()} ≠ ${placeholders(MESSAGES.en[key]).join()}`);
    expect(differ).toEqual([]);
  });
});
