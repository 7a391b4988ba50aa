// Mozilla's Firefox Accounts list (fxa-common-password-list, MPL-2.0) plus passwords common in China
// that it lacks, and the trivial patterns no list enumerates.
const fxa = require('fxa-common-password-list') as { test(password: string): boolean };

export const CHINESE_COMMON = new Set([
  'woaini1314', 'woaini520', 'woaini5201314', '5201314520', '1314520520', 'a123456789', 'aa123456789',
  'qq123456789', 'zxcvbnm123', 'abc1234567', 'abcd123456', '1qaz2wsx3edc', 'qwe123456789', 'asd123456789',
  'password123', 'iloveyou1314', 'nanjing123', 'nanjing2026', 'admin12345', 'admin123456', 'xiakexing123',
]);

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (CHINESE_COMMON.has(lower) || fxa.test(lower)) return true;
  if (/^(.)\1+$/.test(lower)) return true; // aaaaaaaaaa
  if ('01234567890123456789'.includes(lower) || '98765432109876543210'.includes(lower)) return true;
  if ('abcdefghijklmnopqrstuvwxyz'.includes(lower) || 'qwertyuiopasdfghjklzxcvbnm'.includes(lower)) return true;
  return false;
}
