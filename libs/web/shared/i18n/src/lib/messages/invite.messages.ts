/** Inviting accounts (admin users page), the tech-transfer center shortcut and the organization import template. */
export const INVITE_ZH_CN = {
  'invite.open': '邀请用户',
  'invite.lead': '被邀请人会收到一封邮件，七天内通过其中的链接设置密码后即可用该邮箱登录。技术经理人请选择其所在的技术转移机构。',
  'invite.send': '发送邀请',
  'invite.sent': '已邀请 {email}：设置密码的链接已发出',
  'invite.noOrganization': '找不到所需的机构？',
  'invite.createCenter': '新建技术转移机构',
  'orgImport.template': '机构导入模板',
  'orgImport.templateHint': '下载 Excel 模板；填好后由运维人员用 npm run orgs:import 导入（逐行校验，有错则整份不导入）',
};
