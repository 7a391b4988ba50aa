import { OrganizationKind } from '@xkx/contracts';
import { creditCodeCheckChar, QIXIA_AREA_CODE } from '@xkx/util';

export interface DemoOrganization {
  nameZh: string;
  nameEn?: string;
  shortName?: string;
  kind: OrganizationKind;
  address?: string;
  /** 17 characters; the check character is computed so every demo code is valid. */
  creditCodeBody?: string;
  isHighTech?: boolean;
  isSpecialized?: boolean;
  isKeyMonitored?: boolean;
}

export function withCheckChar(body: string): string {
  const check = creditCodeCheckChar(body);
  if (!check) throw new Error(`bad demo credit code body ${body}`);
  return body + check;
}

export const DEMO_AREA_CODE = QIXIA_AREA_CODE;

/**
 * Universities and institutes in Qixia (仙林大学城 and around) and fictional demo enterprises. Universities
 * and institutes are 事业单位 with a 统一社会信用代码 beginning with 12 (fictional here), like any party.
 */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { nameZh: '南京大学', nameEn: 'Nanjing University', shortName: '南大', kind: 'UNIVERSITY', address: '南京市栖霞区仙林大道163号', creditCodeBody: '12320000MB1000001' },
  { nameZh: '南京邮电大学', nameEn: 'Nanjing University of Posts and Telecommunications', shortName: '南邮', kind: 'UNIVERSITY', address: '南京市栖霞区文苑路9号', creditCodeBody: '12320000MB1000002' },
  { nameZh: '南京师范大学', nameEn: 'Nanjing Normal University', shortName: '南师大', kind: 'UNIVERSITY', address: '南京市栖霞区文苑路1号', creditCodeBody: '12320000MB1000003' },
  { nameZh: '南京财经大学', nameEn: 'Nanjing University of Finance and Economics', shortName: '南财', kind: 'UNIVERSITY', address: '南京市栖霞区文苑路3号', creditCodeBody: '12320000MB1000004' },
  { nameZh: '南京中医药大学', nameEn: 'Nanjing University of Chinese Medicine', shortName: '南中医', kind: 'UNIVERSITY', address: '南京市栖霞区仙林大道138号', creditCodeBody: '12320000MB1000005' },
  { nameZh: '南京工业职业技术大学', nameEn: 'Nanjing Vocational University of Industry Technology', shortName: '南工职大', kind: 'UNIVERSITY', address: '南京市栖霞区羊山北路1号', creditCodeBody: '12320000MB1000006' },
  { nameZh: '南京理工大学紫金学院', nameEn: 'Zijin College, Nanjing University of Science and Technology', kind: 'UNIVERSITY', address: '南京市栖霞区南炼新村89号', creditCodeBody: '12320000MB1000007' },
  { nameZh: '南京大学金陵学院', nameEn: 'Jinling College, Nanjing University', kind: 'UNIVERSITY', address: '南京市栖霞区仙林大道', creditCodeBody: '12320000MB1000008' },
  { nameZh: '中国科学院紫金山天文台', nameEn: 'Purple Mountain Observatory, CAS', shortName: '紫台', kind: 'INSTITUTE', address: '南京市栖霞区元化路10号', creditCodeBody: '12320000MB1000009' },
  { nameZh: '南京玻璃纤维研究设计院', nameEn: 'Nanjing Fiberglass Research & Design Institute', shortName: '南玻院', kind: 'INSTITUTE', address: '南京市栖霞区', creditCodeBody: '12320000MB1000010' },
  { nameZh: '江苏省产业技术研究院栖霞研究所', nameEn: 'JITRI Qixia Institute (demo)', kind: 'INSTITUTE', address: '南京市栖霞区仙林街道', creditCodeBody: '12320000MB1000011' },
  { nameZh: '栖霞区技术转移中心', nameEn: 'Qixia District Technology Transfer Center', shortName: '区技转中心', kind: 'AGENCY', address: '南京市栖霞区仙林大学城', creditCodeBody: '12320113MB0000001' },
  { nameZh: '南京大学技术转移中心', nameEn: 'Nanjing University Technology Transfer Center', kind: 'AGENCY', address: '南京市栖霞区仙林大道163号', creditCodeBody: '12320000MB0000002' },
  { nameZh: '南京邮电大学技术转移中心', nameEn: 'NJUPT Technology Transfer Center', kind: 'AGENCY', address: '南京市栖霞区文苑路9号', creditCodeBody: '12320000MB0000003' },
  { nameZh: '南京栖霞新能源科技有限公司', kind: 'ENTERPRISE', address: '南京市栖霞区迈皋桥街道', creditCodeBody: '91320113MA1XK0001', isHighTech: true, isKeyMonitored: true },
  { nameZh: '南京仙林生物医药有限公司', kind: 'ENTERPRISE', address: '南京市栖霞区仙林街道', creditCodeBody: '91320113MA1XK0002', isHighTech: true, isSpecialized: true, isKeyMonitored: true },
  { nameZh: '南京紫东智能装备制造有限公司', kind: 'ENTERPRISE', address: '南京市栖霞区马群街道', creditCodeBody: '91320113MA1XK0003', isSpecialized: true },
  { nameZh: '南京燕子矶智能网联汽车科技有限公司', kind: 'ENTERPRISE', address: '南京市栖霞区燕子矶街道', creditCodeBody: '91320113MA1XK0004', isHighTech: true },
  { nameZh: '南京迈皋桥集成电路设计有限公司', kind: 'ENTERPRISE', address: '南京市栖霞区迈皋桥街道', creditCodeBody: '91320113MA1XK0005', isHighTech: true, isKeyMonitored: true },
  { nameZh: '南京龙潭新材料股份有限公司', kind: 'ENTERPRISE', address: '南京市栖霞区龙潭街道', creditCodeBody: '91320113MA1XK0006', isSpecialized: true },
  { nameZh: '南京栖霞山石化工程技术有限公司', kind: 'ENTERPRISE', address: '南京市栖霞区栖霞街道', creditCodeBody: '91320113MA1XK0007', isKeyMonitored: true },
  { nameZh: '南京八卦洲节能环保科技有限公司', kind: 'ENTERPRISE', address: '南京市栖霞区八卦洲街道', creditCodeBody: '91320113MA1XK0008' },
  { nameZh: '南京尧化门人工智能科技有限公司', kind: 'ENTERPRISE', address: '南京市栖霞区尧化街道', creditCodeBody: '91320113MA1XK0009', isHighTech: true, isSpecialized: true },
  // Buyers of the year's volume (demo-year.ts); no demo account belongs to them.
  { nameZh: '南京仙林光电子科技有限公司', shortName: '仙林光电', kind: 'ENTERPRISE', address: '南京市栖霞区仙林街道', creditCodeBody: '91320113MA1XK0010', isHighTech: true },
  { nameZh: '南京马群医疗器械有限公司', shortName: '马群医疗', kind: 'ENTERPRISE', address: '南京市栖霞区马群街道', creditCodeBody: '91320113MA1XK0011', isSpecialized: true },
  { nameZh: '南京栖霞智慧水务有限公司', shortName: '栖霞水务', kind: 'ENTERPRISE', address: '南京市栖霞区燕子矶街道', creditCodeBody: '91320113MA1XK0012' },
  { nameZh: '南京龙潭港智能物流有限公司', shortName: '龙潭物流', kind: 'ENTERPRISE', address: '南京市栖霞区龙潭街道', creditCodeBody: '91320113MA1XK0013' },
  { nameZh: '南京紫金山新材料科技有限公司', shortName: '紫金山新材', kind: 'ENTERPRISE', address: '南京市栖霞区马群街道', creditCodeBody: '91320113MA1XK0014', isHighTech: true, isKeyMonitored: true },
  { nameZh: '南京西岗精密机械有限公司', shortName: '西岗精机', kind: 'ENTERPRISE', address: '南京市栖霞区西岗街道', creditCodeBody: '91320113MA1XK0015', isSpecialized: true },
  { nameZh: '南京仙林中医药健康产业有限公司', shortName: '仙林中医药', kind: 'ENTERPRISE', address: '南京市栖霞区仙林街道', creditCodeBody: '91320113MA1XK0016' },
  { nameZh: '南京八卦洲数字农业科技有限公司', shortName: '八卦洲农业', kind: 'ENTERPRISE', address: '南京市栖霞区八卦洲街道', creditCodeBody: '91320113MA1XK0017' },
];
