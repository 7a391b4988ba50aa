import { looksLikePinyin, pinyinKeys, pinyinTokens } from './pinyin';

describe('pinyinKeys', () => {
  it('gives full pinyin and initials', () => {
    expect(pinyinKeys('南京大学')).toEqual({ pinyin: 'nanjingdaxue', pinyinInitials: 'njdx' });
    expect(pinyinKeys('南京邮电大学')).toEqual({ pinyin: 'nanjingyoudiandaxue', pinyinInitials: 'njyddx' });
  });
});

describe('pinyinTokens', () => {
  it('gives full pinyin from two characters and initials from three', () => {
    expect(pinyinTokens(['锂电池', '电池', '锂'])).toEqual(['lidianchi', 'ldc', 'dianchi']);
  });

  it('knows a pinyin-only query', () => {
    expect(looksLikePinyin('lidianchi')).toBe(true);
    expect(looksLikePinyin('ldc')).toBe(true);
    expect(looksLikePinyin('5G')).toBe(false);
    expect(looksLikePinyin('锂电池')).toBe(false);
  });
});
