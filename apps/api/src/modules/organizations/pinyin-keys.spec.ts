import { pinyinKeys } from './pinyin-keys';

describe('pinyinKeys', () => {
  it('gives full pinyin and initials', () => {
    expect(pinyinKeys('南京大学')).toEqual({ pinyin: 'nanjingdaxue', pinyinInitials: 'njdx' });
    expect(pinyinKeys('南京邮电大学')).toEqual({ pinyin: 'nanjingyoudiandaxue', pinyinInitials: 'njyddx' });
  });
});
