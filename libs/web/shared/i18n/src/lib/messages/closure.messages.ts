/** A side's 不合适 waiting for the deal's broker (issue 12): the banner on the deal page; spread into MESSAGES. */
export const CLOSURE_ZH_CN = {
  'closure.proposed': '对方表示不合适：{reason}',
  'closure.by': '{name} 于 {date} 答复',
  'closure.confirm': '确认未成交',
  'closure.keep': '继续撮合',
  'closure.autoClose': '{date} 前无人处理，项目将自动关闭为未成交。',
  'closure.waiting': '等待技术经理人确认未成交或继续撮合。',
  'closure.note': '备注（可选，记入时间线）',
};
