import { passwordProblem } from './password-policy';

describe('password policy', () => {
  const owner = { email: 'li.lei@nju.edu.cn', name: '李雷' };

  it.each([
    ['Password1!', 'passwordTooWeak'],
    ['P@ssw0rd2026', 'passwordTooWeak'],
    ['Qwerty123456', 'passwordTooCommon'],
    ['woaini1314520', 'passwordTooWeak'],
    ['Nanjing@2026', 'passwordTooWeak'],
    ['password1234', 'passwordTooCommon'],
    ['short', 'minLength'],
    ['LiLei-Secret-Garden-9', 'passwordPersonal'],
    ['my-li.lei-key-for-2026', 'passwordPersonal'],
    ['李雷的蓝色大海2026', 'passwordPersonal'],
  ])('refuses %s (%s)', (password, problem) => {
    expect(passwordProblem(password, owner)).toBe(problem);
  });

  it('refuses the pinyin of the name, as typed on a Latin keyboard', () => {
    expect(passwordProblem('Zhangsan-Lab-2026', { email: 'boss@x.cn', name: '张三' })).toBe('passwordPersonal');
  });

  it.each(['Xianlin-Campus-163', 'Qixia-Lab-Photonics-7', 'correct horse battery staple', '紫金山天文台望远镜2026'])('accepts %s', (password) => {
    expect(passwordProblem(password, owner)).toBeNull();
  });
});
