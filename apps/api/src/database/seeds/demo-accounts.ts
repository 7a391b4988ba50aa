import { Role, UserStatus } from '@xkx/contracts';

/** Demo accounts, one per role (README lists them). Passwords are for the demo database only. */
export const DEMO_ACCOUNTS: Array<{
  email: string;
  password: string;
  name: string;
  role: Role;
  status: UserStatus;
  organization: string;
  mobile?: string;
}> = [
  { email: 'admin@xkx.demo', password: 'Xiake-Admin-2026', name: '王管理', role: 'ADMIN', status: 'ACTIVE', organization: '栖霞区技术转移中心' },
  { email: 'broker@xkx.demo', password: 'Xiake-Broker-2026', name: '李经理', role: 'BROKER', status: 'ACTIVE', organization: '栖霞区技术转移中心', mobile: '13912345678' },
  { email: 'broker.nju@xkx.demo', password: 'Xiake-Broker-2026', name: '周经理', role: 'BROKER', status: 'ACTIVE', organization: '南京大学技术转移中心' },
  { email: 'researcher@xkx.demo', password: 'Xiake-Research-2026', name: '张教授', role: 'RESEARCHER', status: 'ACTIVE', organization: '南京大学' },
  { email: 'researcher.njupt@xkx.demo', password: 'Xiake-Research-2026', name: '陈研究员', role: 'RESEARCHER', status: 'ACTIVE', organization: '南京邮电大学' },
  { email: 'enterprise@xkx.demo', password: 'Xiake-Enterprise-2026', name: '刘总', role: 'ENTERPRISE', status: 'ACTIVE', organization: '南京栖霞新能源科技有限公司' },
  { email: 'pending@xkx.demo', password: 'Xiake-Pending-2026', name: '赵博士', role: 'RESEARCHER', status: 'PENDING', organization: '南京师范大学' },
];
