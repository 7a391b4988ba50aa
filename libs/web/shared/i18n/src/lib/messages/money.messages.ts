/** Amount fields (issue 17): one parser, one set of messages, the parsed amount shown back before saving. */
export const MONEY_ZH_CN = {
  'money.format': '请输入金额，如 300万、1.5亿、3,000,000.00 或 3000000',
  'money.decimals': '金额最多精确到分（两位小数）',
  'money.negative': '金额不能为负数',
  'money.tooLarge': '金额过大',
  'money.echo': '= {amount} 元',
  'money.echoLabel': '按此金额保存',
};
