import { FieldSeed } from './demo-types';

/**
 * The technology-field tree (技术领域). The top level is exactly the district's priority industrial chains
 * (栖霞区重点产业链); the second level holds the sub-fields listings are filed under. Codes are dotted paths.
 */
const CHAINS: Array<{ code: string; nameZh: string; nameEn: string; children: Array<[string, string, string]> }> = [
  {
    code: 'NE',
    nameZh: '新能源',
    nameEn: 'New energy',
    children: [
      ['PV', '光伏', 'Photovoltaics'],
      ['BAT', '储能与动力电池', 'Energy storage and power batteries'],
      ['H2', '氢能', 'Hydrogen energy'],
      ['WIND', '风电', 'Wind power'],
      ['GRID', '智能电网与综合能源', 'Smart grid and integrated energy systems'],
    ],
  },
  {
    code: 'BIO',
    nameZh: '生物医药',
    nameEn: 'Biomedicine',
    children: [
      ['DRUG', '化学药与创新药', 'Chemical and innovative drugs'],
      ['BIOLOGIC', '生物制品', 'Biologics'],
      ['TCM', '中医药', 'Traditional Chinese medicine'],
      ['DEVICE', '医疗器械', 'Medical devices'],
      ['IVD', '体外诊断', 'In-vitro diagnostics'],
      ['FOOD', '食品营养与大健康', 'Food, nutrition and health'],
    ],
  },
  {
    code: 'AI',
    nameZh: '人工智能',
    nameEn: 'Artificial intelligence',
    children: [
      ['CV', '计算机视觉', 'Computer vision'],
      ['NLP', '自然语言处理与大模型', 'Natural language processing and large models'],
      ['SPEECH', '智能语音', 'Speech and audio intelligence'],
      ['DATA', '大数据与智能决策', 'Big data and decision intelligence'],
      ['GEO', '时空大数据与地理信息', 'Spatio-temporal data and geographic information'],
    ],
  },
  {
    code: 'IME',
    nameZh: '智能制造装备',
    nameEn: 'Intelligent manufacturing equipment',
    children: [
      ['ROBOT', '工业机器人', 'Industrial robots'],
      ['CNC', '高端数控机床与精密加工', 'CNC machine tools and precision machining'],
      ['AM', '增材制造', 'Additive manufacturing'],
      ['IIOT', '工业互联网与智能产线', 'Industrial internet and smart production lines'],
      ['TEST', '智能检测与仪器仪表', 'Intelligent inspection and instrumentation'],
    ],
  },
  {
    code: 'ICV',
    nameZh: '智能网联汽车',
    nameEn: 'Intelligent connected vehicles',
    children: [
      ['SENSE', '环境感知与多传感器融合', 'Environmental perception and sensor fusion'],
      ['V2X', '车路协同与车联网', 'Vehicle–road cooperation and V2X'],
      ['DECIS', '决策规划与控制', 'Decision making, planning and control'],
      ['EE', '汽车电子与线控底盘', 'Automotive electronics and by-wire chassis'],
      ['TEST', '测试验证与仿真', 'Testing, validation and simulation'],
    ],
  },
  {
    code: 'EIC',
    nameZh: '电子信息/集成电路',
    nameEn: 'Electronics and integrated circuits',
    children: [
      ['IC', '集成电路设计', 'Integrated circuit design'],
      ['SEMI', '半导体材料与器件', 'Semiconductor materials and devices'],
      ['COMM', '通信与网络', 'Communications and networks'],
      ['IOT', '物联网与传感器', 'Internet of things and sensors'],
      ['OPTO', '光电子与激光', 'Optoelectronics and lasers'],
      ['FLEX', '柔性电子与新型显示', 'Flexible electronics and new displays'],
    ],
  },
  {
    code: 'NM',
    nameZh: '新材料',
    nameEn: 'New materials',
    children: [
      ['FIBER', '玻璃纤维与复合材料', 'Glass fibre and composites'],
      ['METAL', '先进金属材料', 'Advanced metallic materials'],
      ['POLY', '高分子与膜材料', 'Polymers and membrane materials'],
      ['NANO', '纳米与低维材料', 'Nano and low-dimensional materials'],
      ['CERAM', '先进陶瓷与特种玻璃', 'Advanced ceramics and special glass'],
      ['COAT', '功能涂层与表面工程', 'Functional coatings and surface engineering'],
    ],
  },
  {
    code: 'PC',
    nameZh: '石油化工',
    nameEn: 'Petrochemicals',
    children: [
      ['CAT', '催化剂与催化工艺', 'Catalysts and catalytic processes'],
      ['FINE', '精细化工与电子化学品', 'Fine and electronic chemicals'],
      ['PROC', '过程强化与节能降耗', 'Process intensification and energy efficiency'],
      ['SAFE', '化工安全与智能化工', 'Process safety and digital chemical plants'],
      ['LOWC', '低碳化工与二氧化碳利用', 'Low-carbon chemistry and CO₂ utilisation'],
    ],
  },
  {
    code: 'EP',
    nameZh: '节能环保',
    nameEn: 'Energy saving and environmental protection',
    children: [
      ['WATER', '水污染治理', 'Water pollution control'],
      ['AIR', '大气污染治理', 'Air pollution control'],
      ['SOLID', '固废处理与资源化', 'Solid waste treatment and recycling'],
      ['SOIL', '土壤与地下水修复', 'Soil and groundwater remediation'],
      ['ENERGY', '工业节能与余热利用', 'Industrial energy saving and waste-heat recovery'],
      ['MON', '环境监测', 'Environmental monitoring'],
    ],
  },
];

/** The district's priority chains, in display order. */
export const PRIORITY_CHAIN_CODES: readonly string[] = CHAINS.map((c) => c.code);

export const TECHNOLOGY_FIELDS: FieldSeed[] = CHAINS.flatMap((chain) => [
  { code: chain.code, parentCode: null, nameZh: chain.nameZh, nameEn: chain.nameEn },
  ...chain.children.map(([sub, nameZh, nameEn]) => ({
    code: `${chain.code}.${sub}`,
    parentCode: chain.code,
    nameZh,
    nameEn,
  })),
]);
