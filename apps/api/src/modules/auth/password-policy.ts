import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { PASSWORD_MIN_LENGTH } from '@xkx/contracts';
import { pinyinKeys } from '@xkx/text-zh';
import { CHINESE_COMMON, isCommonPassword } from './common-passwords';

/** zxcvbn's 0–4 guessability score; below this a password is refused ("safely unguessable" is 3). */
export const MIN_PASSWORD_SCORE = 3;

/**
 * zxcvbn-ts ships no Chinese dictionary: the pinyin words and number idioms people build passwords from
 * (我爱你 = woaini, 1314 = 一生一世, 520 = 我爱你) go in as one more, with the list of whole passwords.
 */
const PINYIN_WORDS = [
  ...CHINESE_COMMON,
  'woaini', 'aini', 'wohenni', 'laopo', 'laogong', 'baobei', 'zhongguo', 'beijing', 'shanghai', 'nanjing', 'qixia',
  'xianlin', 'xiakexing', 'mima', 'yonghu', 'guanliyuan', 'ceshi', 'zhangsan', 'lisi', 'wangwu', 'qwer', 'asdf',
  '1314', '520', '5201314', '1314520', '147258', '159357', '741852', '963852',
];

let factory: ZxcvbnFactory | undefined;

/** Built on first use: the dictionaries take a moment to rank and most processes never need them. */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, pinyin: PINYIN_WORDS },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return factory;
}

export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

export type PasswordProblem = 'minLength' | 'passwordTooCommon' | 'passwordPersonal' | 'passwordTooWeak';

/** Why a password is refused for this person, or null when it is acceptable. */
export function passwordProblem(password: string, owner: PasswordOwner = {}): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'minLength';
  if (isCommonPassword(password)) return 'passwordTooCommon';
  const personal = personalWords(owner);
  const folded = fold(password);
  if (personal.some((word) => folded.includes(word))) return 'passwordPersonal';
  // The pieces of the local part ("zhang" of zhang.wei@…) only cost guessability.
  const pieces = (owner.email?.split('@')[0] ?? '').split(/[^\p{L}\p{N}]+/u).filter((p) => p.length >= 3);
  if (zxcvbn().check(password, [...personal, ...pieces]).score < MIN_PASSWORD_SCORE) return 'passwordTooWeak';
  return null;
}

/** The e-mail's local part, the name and its pinyin, when long enough to matter. */
function personalWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  const local = fold(owner.email?.split('@')[0] ?? '');
  if (local.length >= 3) words.add(local);
  const name = owner.name?.trim() ?? '';
  if (name) {
    const folded = fold(name);
    // A Chinese name is two or three characters; a Latin one needs three letters to mean anything.
    if (folded.length >= (/\p{Script=Han}/u.test(folded) ? 2 : 3)) words.add(folded);
    const { pinyin } = pinyinKeys(name);
    if (pinyin.length >= 4) words.add(pinyin);
  }
  return [...words];
}

/** Lower case, letters and digits only: "Li.Lei" and "li-lei" are the same word. */
function fold(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
