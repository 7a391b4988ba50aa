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

export const PHONE_EN: Record<keyof typeof PHONE_ZH_CN, string> = {
  'phone.openMenu': 'Open the menu',
  'phone.closeMenu': 'Close the menu',
  'phone.menu': 'Navigation menu',
  'phone.account': 'Account',
  'phone.filters': 'Filters',
  'phone.filtersCount': 'Filters ({count})',
  'phone.filtersLabel': 'Filters ({count} results now)',
  'phone.showResults': 'Show {count} results',
  'phone.stage': 'Stage',
  'phone.moveTo': 'Move to…',
};
