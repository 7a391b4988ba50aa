/** Small screens: the shell's menu drawer, the search filters' bottom sheet, the board's stage picker. */
export const PHONE_ZH_CN = {
  'phone.openMenu': '打开菜单',
  'phone.closeMenu': '关闭菜单',
  'phone.menu': '导航菜单',
  'phone.account': '账户',
  'phone.filters': '筛选',
  'phone.filtersCount': '筛选 ({count})',
  'phone.filtersLabel': '筛选条件（当前 {count} 条结果）',
  'phone.showResults': '查看 {count} 条结果',
  'phone.stage': '阶段',
  'phone.moveTo': '移到…',
};
