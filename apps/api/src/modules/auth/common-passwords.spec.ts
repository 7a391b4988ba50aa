import { isCommonPassword } from './common-passwords';

describe('isCommonPassword', () => {
  it.each(['password1234', '1234567890', 'qwertyuiop', 'woaini1314', 'WoAiNi1314', 'aaaaaaaaaaaa', '0987654321'])(
    'refuses %s',
    (p) => expect(isCommonPassword(p)).toBe(true),
  );
  it.each(['Xiake-Demo-2026', '紫金山天文台望远镜2026', 'correct horse battery staple'])('accepts %s', (p) =>
    expect(isCommonPassword(p)).toBe(false),
  );
});
