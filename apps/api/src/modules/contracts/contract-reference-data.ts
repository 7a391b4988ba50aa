import { RegistrationFieldType } from '@xkx/contracts';

/**
 * Reference data every deployment starts with (not demo data). Administrators edit it in the app
 * afterwards (contract-config routes); a later change here does not reach databases the seeding
 * migration already ran on, so add another migration for that.
 */
export interface ContractTypeSeed {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  asksInvestment?: boolean;
}

/** 民法典 第二十章 技术合同, as the 技术合同认定登记 forms divide it. */
export const CONTRACT_TYPES: ContractTypeSeed[] = [
  { code: 'DEVELOPMENT', parentCode: null, nameZh: '技术开发', nameEn: 'Technology development' },
  { code: 'DEVELOPMENT.COMMISSIONED', parentCode: 'DEVELOPMENT', nameZh: '委托开发', nameEn: 'Commissioned development' },
  { code: 'DEVELOPMENT.COOPERATIVE', parentCode: 'DEVELOPMENT', nameZh: '合作开发', nameEn: 'Cooperative development' },
  { code: 'TRANSFER', parentCode: null, nameZh: '技术转让', nameEn: 'Technology transfer', asksInvestment: true },
  { code: 'TRANSFER.PATENT', parentCode: 'TRANSFER', nameZh: '专利权转让', nameEn: 'Patent assignment', asksInvestment: true },
  { code: 'TRANSFER.PATENT_APPLICATION', parentCode: 'TRANSFER', nameZh: '专利申请权转让', nameEn: 'Patent application right assignment', asksInvestment: true },
  { code: 'TRANSFER.TECHNICAL_SECRET', parentCode: 'TRANSFER', nameZh: '技术秘密转让', nameEn: 'Technical secret transfer', asksInvestment: true },
  { code: 'TRANSFER.SOFTWARE_COPYRIGHT', parentCode: 'TRANSFER', nameZh: '计算机软件著作权转让', nameEn: 'Software copyright assignment', asksInvestment: true },
  { code: 'TRANSFER.IC_LAYOUT', parentCode: 'TRANSFER', nameZh: '集成电路布图设计专有权转让', nameEn: 'IC layout design right assignment', asksInvestment: true },
  { code: 'TRANSFER.PLANT_VARIETY', parentCode: 'TRANSFER', nameZh: '植物新品种权转让', nameEn: 'Plant variety right assignment', asksInvestment: true },
  { code: 'LICENSE', parentCode: null, nameZh: '技术许可', nameEn: 'Technology licence', asksInvestment: true },
  { code: 'LICENSE.PATENT', parentCode: 'LICENSE', nameZh: '专利实施许可', nameEn: 'Patent licence', asksInvestment: true },
  { code: 'LICENSE.TECHNICAL_SECRET', parentCode: 'LICENSE', nameZh: '技术秘密使用许可', nameEn: 'Technical secret licence', asksInvestment: true },
  { code: 'LICENSE.SOFTWARE_COPYRIGHT', parentCode: 'LICENSE', nameZh: '计算机软件著作权许可', nameEn: 'Software copyright licence', asksInvestment: true },
  { code: 'CONSULTING', parentCode: null, nameZh: '技术咨询', nameEn: 'Technical consulting' },
  { code: 'SERVICE', parentCode: null, nameZh: '技术服务', nameEn: 'Technical service' },
  { code: 'SERVICE.GENERAL', parentCode: 'SERVICE', nameZh: '一般技术服务', nameEn: 'General technical service' },
  { code: 'SERVICE.TRAINING', parentCode: 'SERVICE', nameZh: '技术培训', nameEn: 'Technical training' },
  { code: 'SERVICE.INTERMEDIARY', parentCode: 'SERVICE', nameZh: '技术中介', nameEn: 'Technology intermediary' },
];

export interface RegistrationFieldSeed {
  key: string;
  labelZh: string;
  labelEn: string;
  valueType: RegistrationFieldType;
  required: boolean;
  contractTypes: string[];
  options: string[];
}

/** Fields of the 登记表 beyond the core columns; configurable because the 2026 rules changed them. */
export const REGISTRATION_FIELDS: RegistrationFieldSeed[] = [
  {
    key: 'technicalField', labelZh: '技术领域', labelEn: 'Technology field', valueType: 'CHOICE', required: true, contractTypes: [],
    options: ['电子信息', '生物医药与医疗器械', '新材料', '先进制造', '新能源与高效节能', '资源与环境', '现代农业', '航空航天', '城市建设与社会发展', '核应用'],
  },
  {
    key: 'technologySource', labelZh: '技术来源', labelEn: 'Source of the technology', valueType: 'CHOICE', required: false, contractTypes: [],
    options: ['自主研发', '合作研发', '国内引进', '国外引进', '其他'],
  },
  {
    key: 'ipType', labelZh: '知识产权类型', labelEn: 'Kind of intellectual property', valueType: 'CHOICE', required: true, contractTypes: ['TRANSFER', 'LICENSE'],
    options: ['发明专利', '实用新型', '外观设计', '计算机软件著作权', '集成电路布图设计', '植物新品种', '技术秘密', '其他'],
  },
  { key: 'patentNumber', labelZh: '专利号', labelEn: 'Patent number', valueType: 'PATENT', required: false, contractTypes: ['TRANSFER.PATENT', 'TRANSFER.PATENT_APPLICATION', 'LICENSE.PATENT'], options: [] },
  { key: 'socialEconomicObjective', labelZh: '社会经济目标', labelEn: 'Socio-economic objective', valueType: 'TEXT', required: false, contractTypes: [], options: [] },
  { key: 'crossRegion', labelZh: '是否跨省交易', labelEn: 'Cross-province deal', valueType: 'BOOLEAN', required: false, contractTypes: [], options: [] },
];

export const NDA_V1 = {
  version: 1,
  title: '霞科行技术对接保密协议（第 1 版）',
  body: [
    '一、保密信息：指在本平台撮合项目中，对方通过平台披露的、标注为“保密”的技术资料、工艺参数、实验数据、商业信息及其他未公开信息。',
    '二、保密义务：接收方仅可将保密信息用于评估本撮合项目下的合作，不得向任何第三方披露，不得用于申请专利或其他自身用途；接收方应以不低于对待自身同类信息的谨慎程度保护保密信息。',
    '三、例外：已为公众所知、接收方在披露前已合法知悉、从有权披露的第三方合法获得，或依法律、法规及司法、行政机关要求必须披露的信息除外，但接收方应及时通知披露方。',
    '四、期限：保密义务自接受本协议之日起生效，至保密信息公开之日或接受之日起五年届满时终止，以先到者为准。',
    '五、记录：平台记录接受本协议的账号、时间、IP 地址及每次查看保密信息的记录，作为履约依据。',
    '六、争议解决：因本协议产生的争议，双方协商解决；协商不成的，提交南京市栖霞区人民法院诉讼解决。',
  ].join('\n'),
};
