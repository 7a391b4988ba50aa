/** The outbox's mail states in words (issue 17: PENDING was shown as is); spread into MESSAGES. */
export const MAIL_ZH_CN = {
  'outbox.status.PENDING': '待发送',
  'outbox.status.SENT': '已发送',
  'outbox.status.FAILED': '发送失败',
  'outbox.status.other': '状态未知',
};
