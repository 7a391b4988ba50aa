import type { ExpertAvailability, ExpertCooperationMode, ExpertTitle, LaboratoryKind } from '@xkx/contracts';

/**
 * Demo laboratories and experts (issue 16). The 13 national key laboratories carry the public names of
 * state key laboratories hosted by the district's universities as we know them (names from before the 2022
 * reorganisation into 全国重点实验室, not re-checked against the current list); the six marked `illustrative`
 * are made up and carry （示例） in their names. Heads, members, directions and outputs are fictional, and so
 * is every expert.
 */
export interface DemoLaboratory {
  key: string;
  organization: string;
  nameZh: string;
  nameEn: string;
  kind: LaboratoryKind;
  fieldCodes: string[];
  directions: string;
  summary: string;
  /** Not a public name we could vouch for: shown with （示例） after it. */
  illustrative?: boolean;
}

export const DEMO_LABORATORIES: DemoLaboratory[] = [
  { key: 'ssm', organization: '南京大学', nameZh: '固体微结构物理国家重点实验室', nameEn: 'National Laboratory of Solid State Microstructures', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['NM.NANO', 'EIC.OPTO'], directions: '人工微结构材料；超构材料与光子晶体；低维量子材料；铁电与多铁材料', summary: '面向新材料与光电子器件的基础研究与应用转化。' },
  { key: 'coord', organization: '南京大学', nameZh: '配位化学国家重点实验室', nameEn: 'State Key Laboratory of Coordination Chemistry', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['PC.CAT', 'NM.POLY'], directions: '配位催化；金属有机框架材料；分子功能材料；药物配位化学', summary: '配位化学基础研究及其在催化与功能材料中的应用。' },
  { key: 'pollution', organization: '南京大学', nameZh: '污染控制与资源化研究国家重点实验室', nameEn: 'State Key Laboratory of Pollution Control and Resource Reuse', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['EP.WATER', 'EP.SOLID'], directions: '工业废水深度处理；树脂吸附；难降解有机物去除；固废资源化', summary: '水污染控制与固体废物资源化技术研发与工程示范。' },
  { key: 'pharm', organization: '南京大学', nameZh: '医药生物技术国家重点实验室', nameEn: 'State Key Laboratory of Pharmaceutical Biotechnology', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['BIO.DRUG', 'BIO.BIOLOGIC'], directions: '创新药物靶点；抗体药物；代谢疾病模型；药物筛选平台', summary: '从靶点发现到候选药物的医药生物技术研究。' },
  { key: 'software', organization: '南京大学', nameZh: '计算机软件新技术国家重点实验室', nameEn: 'State Key Laboratory for Novel Software Technology', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['AI.DATA', 'AI.NLP'], directions: '机器学习；软件工程智能化；大数据分析；自然语言处理', summary: '软件新技术与人工智能的基础理论和关键技术。' },
  { key: 'ore', organization: '南京大学', nameZh: '内生金属矿床成矿机制研究国家重点实验室', nameEn: 'State Key Laboratory for Mineral Deposits Research', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['NM.METAL'], directions: '关键金属成矿；矿物材料；稀有金属提取', summary: '关键金属资源与矿物材料研究。' },
  { key: 'pmo', illustrative: true, organization: '中国科学院紫金山天文台', nameZh: '射电天文重点实验室', nameEn: 'Key Laboratory of Radio Astronomy', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['EIC.COMM', 'EIC.SEMI'], directions: '超导探测器；太赫兹接收机；低温电子学；微弱信号检测', summary: '射电与太赫兹探测技术，可用于精密测量与检测。' },
  { key: 'oled', organization: '南京邮电大学', nameZh: '有机电子与信息显示国家重点实验室', nameEn: 'State Key Laboratory of Organic Electronics and Information Displays', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['EIC.FLEX', 'EIC.OPTO'], directions: '有机发光材料；柔性电子；印刷显示；生物光电传感', summary: '有机电子材料、柔性显示与传感器件研发。' },
  { key: 'comm', illustrative: true, organization: '南京邮电大学', nameZh: '宽带无线通信与传感网技术重点实验室', nameEn: 'Key Laboratory of Broadband Wireless Communication and Sensor Network Technology', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['EIC.COMM', 'EIC.IOT'], directions: '5G/6G 无线通信；物联网传感网；边缘计算；车联网通信', summary: '宽带无线通信与传感网关键技术。' },
  { key: 'geo', illustrative: true, organization: '南京师范大学', nameZh: '虚拟地理环境重点实验室', nameEn: 'Key Laboratory of Virtual Geographic Environment', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['AI.GEO', 'AI.DATA'], directions: '地理信息系统；时空大数据；数字孪生城市；遥感智能解译', summary: '虚拟地理环境与时空大数据技术。' },
  { key: 'tcm', illustrative: true, organization: '南京中医药大学', nameZh: '中药资源产业化与方剂创新药物重点实验室', nameEn: 'Key Laboratory of Chinese Medicinal Resources Industrialization', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['BIO.TCM'], directions: '中药资源循环利用；经典名方开发；中药质量标准；中药制剂工艺', summary: '中药资源产业化和方剂创新药物研究。' },
  { key: 'fiber', illustrative: true, organization: '南京玻璃纤维研究设计院', nameZh: '特种玻璃纤维与复合材料重点实验室', nameEn: 'Key Laboratory of Special Glass Fiber and Composites', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['NM.FIBER', 'NM.CERAM'], directions: '高性能玻璃纤维；纤维增强复合材料；耐高温陶瓷纤维；复合材料检测', summary: '特种纤维与复合材料研发及检测。' },
  { key: 'mem', illustrative: true, organization: '南京大学', nameZh: '介观化学与能源材料重点实验室', nameEn: 'Key Laboratory of Mesoscopic Chemistry and Energy Materials', kind: 'NATIONAL_KEY_LAB', fieldCodes: ['NE.BAT', 'NE.H2'], directions: '锂离子电池正负极材料；固态电解质；电解水制氢催化剂；燃料电池', summary: '能源材料与电化学储能、氢能技术。' },
  { key: 'jitri', organization: '江苏省产业技术研究院栖霞研究所', nameZh: '智能制造与机器人技术研究所', nameEn: 'Intelligent Manufacturing and Robotics Institute (demo)', kind: 'NEW_RND_INSTITUTION', fieldCodes: ['IME.ROBOT', 'IME.IIOT'], directions: '工业机器人；机器视觉检测；工业互联网平台；数控装备', summary: '面向栖霞企业的智能制造共性技术平台。' },
  { key: 'icv', organization: '南京邮电大学', nameZh: '江苏省智能网联汽车工程技术研究中心', nameEn: 'Jiangsu Engineering Research Center for Intelligent Connected Vehicles (demo)', kind: 'ENGINEERING_CENTER', fieldCodes: ['ICV.SENSE', 'ICV.V2X'], directions: '激光雷达与多传感器融合；车路协同；自动驾驶决策', summary: '智能网联汽车感知与通信技术工程化。' },
  { key: 'nnu-env', organization: '南京师范大学', nameZh: '江苏省环境演变与生态建设重点实验室', nameEn: 'Jiangsu Key Laboratory of Environmental Change and Ecological Construction (demo)', kind: 'PROVINCIAL_KEY_LAB', fieldCodes: ['EP.SOIL', 'EP.MON'], directions: '土壤重金属修复；环境监测；生态评估', summary: '区域环境演变与生态修复技术。' },
];

export interface DemoExpert {
  nameZh: string;
  title: ExpertTitle;
  organization: string;
  /** DemoLaboratory.key */
  lab?: string;
  fieldCodes: string[];
  directions: string;
  /** Topic words for the generated outputs (a paper, a patent, a project). */
  topic: string;
  modes: ExpertCooperationMode[];
  availability: ExpertAvailability;
  /** A demo account's own profile. */
  userEmail?: string;
}

const ALL: ExpertCooperationMode[] = ['DEVELOPMENT', 'CONSULTING', 'SERVICE'];
const DEV: ExpertCooperationMode[] = ['DEVELOPMENT', 'CONSULTING'];
const SVC: ExpertCooperationMode[] = ['SERVICE', 'CONSULTING'];
const PT: ExpertCooperationMode[] = ['DEVELOPMENT', 'PART_TIME', 'JOINT_APPLICATION'];

export const DEMO_EXPERTS: DemoExpert[] = [
  // New energy
  { nameZh: '张教授', title: 'PROFESSOR', organization: '南京大学', lab: 'mem', fieldCodes: ['NE.BAT'], directions: '高镍三元正极材料；锂离子电池循环寿命；正极表面包覆改性', topic: '高镍正极材料包覆改性', modes: ALL, availability: 'OPEN', userEmail: 'researcher@xkx.demo' },
  { nameZh: '周建华', title: 'ACADEMICIAN', organization: '南京大学', lab: 'mem', fieldCodes: ['NE.BAT', 'NM.NANO'], directions: '固态电解质；锂金属负极；电化学储能机理', topic: '硫化物固态电解质', modes: ['CONSULTING', 'JOINT_APPLICATION'], availability: 'LIMITED' },
  { nameZh: '吴晓峰', title: 'ASSOCIATE_PROFESSOR', organization: '南京大学', lab: 'mem', fieldCodes: ['NE.H2'], directions: '碱性电解水制氢；非贵金属析氢催化剂；电解槽设计', topic: '电解水制氢催化剂', modes: ALL, availability: 'OPEN' },
  { nameZh: '孙丽萍', title: 'RESEARCH_FELLOW', organization: '江苏省产业技术研究院栖霞研究所', fieldCodes: ['NE.PV'], directions: '钙钛矿太阳能电池；光伏组件封装；叠层电池效率', topic: '钙钛矿光伏组件稳定性', modes: ALL, availability: 'OPEN' },
  { nameZh: '钱永刚', title: 'PROFESSOR', organization: '南京邮电大学', fieldCodes: ['NE.GRID'], directions: '储能电站能量管理；电池管理系统 BMS；微电网调度', topic: '储能电池管理系统', modes: DEV, availability: 'OPEN' },
  { nameZh: '郑海燕', title: 'ASSOCIATE_RESEARCH_FELLOW', organization: '南京大学', lab: 'mem', fieldCodes: ['NE.BAT'], directions: '硅碳负极；预锂化工艺；快充电池材料', topic: '硅碳负极预锂化', modes: ALL, availability: 'LIMITED' },
  { nameZh: '冯志强', title: 'SENIOR_ENGINEER', organization: '江苏省产业技术研究院栖霞研究所', fieldCodes: ['NE.WIND', 'NE.GRID'], directions: '风电机组状态监测；叶片损伤检测；并网变流器', topic: '风电叶片损伤检测', modes: SVC, availability: 'OPEN' },
  // Biomedicine
  { nameZh: '陈静', title: 'PROFESSOR', organization: '南京大学', lab: 'pharm', fieldCodes: ['BIO.DRUG'], directions: '小分子靶向药物设计；激酶抑制剂；药物代谢动力学', topic: '激酶抑制剂先导化合物', modes: ALL, availability: 'OPEN' },
  { nameZh: '黄志明', title: 'ACADEMICIAN', organization: '南京大学', lab: 'pharm', fieldCodes: ['BIO.BIOLOGIC'], directions: '抗体药物；双特异性抗体；肿瘤免疫治疗', topic: '双特异性抗体', modes: ['CONSULTING', 'JOINT_APPLICATION'], availability: 'LIMITED' },
  { nameZh: '林晓雯', title: 'ASSOCIATE_PROFESSOR', organization: '南京大学', lab: 'pharm', fieldCodes: ['BIO.IVD'], directions: '分子诊断；核酸快速检测；微流控芯片', topic: '微流控核酸检测芯片', modes: ALL, availability: 'OPEN' },
  { nameZh: '王淑芬', title: 'PROFESSOR', organization: '南京中医药大学', lab: 'tcm', fieldCodes: ['BIO.TCM'], directions: '经典名方二次开发；中药复方制剂；中药质量标志物', topic: '经典名方颗粒剂', modes: ALL, availability: 'OPEN' },
  { nameZh: '刘振东', title: 'RESEARCH_FELLOW', organization: '南京中医药大学', lab: 'tcm', fieldCodes: ['BIO.TCM', 'BIO.FOOD'], directions: '中药资源循环利用；药渣综合利用；药食同源产品', topic: '中药药渣资源化利用', modes: ALL, availability: 'OPEN' },
  { nameZh: '赵敏', title: 'ASSOCIATE_RESEARCH_FELLOW', organization: '南京中医药大学', lab: 'tcm', fieldCodes: ['BIO.TCM'], directions: '中药提取纯化工艺；大孔树脂分离；中药注射剂安全性', topic: '中药提取纯化工艺', modes: SVC, availability: 'LIMITED' },
  { nameZh: '徐卫国', title: 'PROFESSOR', organization: '南京师范大学', fieldCodes: ['BIO.FOOD'], directions: '功能食品；益生菌发酵；营养健康评价', topic: '益生菌发酵功能食品', modes: ALL, availability: 'OPEN' },
  { nameZh: '何雨晴', title: 'SENIOR_ENGINEER', organization: '南京中医药大学', fieldCodes: ['BIO.DEVICE'], directions: '康复医疗器械；针灸机器人；可穿戴生理监测', topic: '可穿戴生理监测设备', modes: PT, availability: 'OPEN' },
  { nameZh: '马骏', title: 'PROFESSOR', organization: '南京大学', lab: 'coord', fieldCodes: ['BIO.DRUG', 'PC.FINE'], directions: '金属药物；铂类抗肿瘤药物；药物配位化学', topic: '金属配合物抗肿瘤药物', modes: DEV, availability: 'LIMITED' },
  // AI
  { nameZh: '李明哲', title: 'PROFESSOR', organization: '南京大学', lab: 'software', fieldCodes: ['AI.DATA'], directions: '机器学习理论；集成学习；弱监督学习', topic: '弱监督学习方法', modes: ['CONSULTING', 'JOINT_APPLICATION'], availability: 'LIMITED' },
  { nameZh: '杨帆', title: 'ASSOCIATE_PROFESSOR', organization: '南京大学', lab: 'software', fieldCodes: ['AI.NLP'], directions: '大语言模型微调；知识图谱；智能问答', topic: '行业大语言模型', modes: ALL, availability: 'OPEN' },
  { nameZh: '朱华', title: 'PROFESSOR', organization: '南京大学', lab: 'software', fieldCodes: ['AI.CV'], directions: '计算机视觉；工业缺陷检测；目标检测与分割', topic: '工业表面缺陷视觉检测', modes: ALL, availability: 'OPEN' },
  { nameZh: '胡小兵', title: 'ASSOCIATE_RESEARCH_FELLOW', organization: '南京大学', lab: 'software', fieldCodes: ['AI.DATA', 'EIC.IOT'], directions: '时序数据挖掘；设备预测性维护；异常检测', topic: '设备预测性维护', modes: ALL, availability: 'OPEN' },
  { nameZh: '高文斌', title: 'PROFESSOR', organization: '南京邮电大学', fieldCodes: ['AI.SPEECH'], directions: '语音识别；声纹识别；语音增强与降噪', topic: '远场语音识别', modes: DEV, availability: 'OPEN' },
  { nameZh: '罗佳', title: 'LECTURER', organization: '南京邮电大学', fieldCodes: ['AI.CV'], directions: '医学影像分析；图像分割；深度学习辅助诊断', topic: '医学影像智能分割', modes: ALL, availability: 'OPEN' },
  { nameZh: '谢晨', title: 'PROFESSOR', organization: '南京师范大学', lab: 'geo', fieldCodes: ['AI.GEO'], directions: '时空大数据；数字孪生城市；城市计算', topic: '数字孪生城市平台', modes: ALL, availability: 'OPEN' },
  { nameZh: '宋玉洁', title: 'ASSOCIATE_PROFESSOR', organization: '南京师范大学', lab: 'geo', fieldCodes: ['AI.GEO', 'AI.CV'], directions: '遥感影像智能解译；地物分类；变化检测', topic: '遥感影像变化检测', modes: SVC, availability: 'OPEN' },
  // Intelligent manufacturing
  { nameZh: '韩立军', title: 'RESEARCH_FELLOW', organization: '江苏省产业技术研究院栖霞研究所', lab: 'jitri', fieldCodes: ['IME.ROBOT'], directions: '工业机器人轨迹规划；协作机器人；机器人焊接', topic: '机器人焊接轨迹规划', modes: ALL, availability: 'OPEN' },
  { nameZh: '唐伟', title: 'SENIOR_ENGINEER', organization: '江苏省产业技术研究院栖霞研究所', lab: 'jitri', fieldCodes: ['IME.IIOT'], directions: '工业互联网平台；设备联网；MES 系统集成', topic: '工业互联网设备接入', modes: ['SERVICE', 'PART_TIME'], availability: 'OPEN' },
  { nameZh: '曹建平', title: 'PROFESSOR', organization: '南京理工大学紫金学院', fieldCodes: ['IME.CNC'], directions: '数控机床精度补偿；五轴加工；切削颤振抑制', topic: '数控机床热误差补偿', modes: DEV, availability: 'LIMITED' },
  { nameZh: '许文静', title: 'ASSOCIATE_PROFESSOR', organization: '南京工业职业技术大学', fieldCodes: ['IME.AM'], directions: '金属增材制造；激光选区熔化；增材构件后处理', topic: '激光选区熔化工艺', modes: ALL, availability: 'OPEN' },
  { nameZh: '邓志远', title: 'SENIOR_ENGINEER', organization: '南京工业职业技术大学', fieldCodes: ['IME.TEST'], directions: '机器视觉尺寸测量；在线检测装备；智能质检', topic: '在线视觉尺寸测量', modes: SVC, availability: 'OPEN' },
  { nameZh: '彭涛', title: 'PROFESSOR', organization: '南京邮电大学', fieldCodes: ['IME.ROBOT', 'AI.CV'], directions: '移动机器人导航；SLAM；仓储物流机器人', topic: '仓储移动机器人导航', modes: ALL, availability: 'OPEN' },
  // ICV
  { nameZh: '袁国庆', title: 'PROFESSOR', organization: '南京邮电大学', lab: 'icv', fieldCodes: ['ICV.SENSE'], directions: '激光雷达点云处理；多传感器融合感知；目标跟踪', topic: '多传感器融合感知', modes: ALL, availability: 'OPEN' },
  { nameZh: '蒋思远', title: 'ASSOCIATE_PROFESSOR', organization: '南京邮电大学', lab: 'icv', fieldCodes: ['ICV.V2X'], directions: 'C-V2X 车路协同；路侧单元；低时延通信', topic: '车路协同路侧单元', modes: ALL, availability: 'OPEN' },
  { nameZh: '沈浩', title: 'RESEARCH_FELLOW', organization: '南京邮电大学', lab: 'icv', fieldCodes: ['ICV.DECIS'], directions: '自动驾驶决策规划；强化学习控制；仿真测试', topic: '自动驾驶决策规划', modes: DEV, availability: 'LIMITED' },
  { nameZh: '姚明', title: 'SENIOR_ENGINEER', organization: '南京工业职业技术大学', fieldCodes: ['ICV.EE', 'ICV.TEST'], directions: '整车电子电气架构；域控制器；汽车功能安全测试', topic: '域控制器功能安全', modes: SVC, availability: 'OPEN' },
  // EIC
  { nameZh: '陈研究员', title: 'RESEARCH_FELLOW', organization: '南京邮电大学', lab: 'oled', fieldCodes: ['EIC.FLEX', 'EIC.OPTO'], directions: '有机发光材料；柔性 OLED 显示；印刷电子', topic: '柔性有机发光器件', modes: ALL, availability: 'OPEN', userEmail: 'researcher.njupt@xkx.demo' },
  { nameZh: '黄维新', title: 'ACADEMICIAN', organization: '南京邮电大学', lab: 'oled', fieldCodes: ['EIC.FLEX'], directions: '有机电子学；柔性电子器件；生物光电传感', topic: '柔性电子传感器', modes: ['CONSULTING', 'JOINT_APPLICATION'], availability: 'LIMITED' },
  { nameZh: '戴蓉', title: 'PROFESSOR', organization: '南京邮电大学', lab: 'comm', fieldCodes: ['EIC.COMM'], directions: '5G/6G 无线通信；毫米波天线；大规模 MIMO', topic: '毫米波阵列天线', modes: ALL, availability: 'OPEN' },
  { nameZh: '方磊', title: 'ASSOCIATE_PROFESSOR', organization: '南京邮电大学', lab: 'comm', fieldCodes: ['EIC.IOT'], directions: '低功耗物联网；无线传感网络；边缘计算网关', topic: '低功耗物联网传感节点', modes: ALL, availability: 'OPEN' },
  { nameZh: '石晓东', title: 'PROFESSOR', organization: '南京大学', lab: 'ssm', fieldCodes: ['EIC.OPTO'], directions: '光子晶体；微纳光学器件；激光器件', topic: '微纳光学器件', modes: DEV, availability: 'LIMITED' },
  { nameZh: '任天宇', title: 'RESEARCH_FELLOW', organization: '中国科学院紫金山天文台', lab: 'pmo', fieldCodes: ['EIC.SEMI'], directions: '超导探测器；太赫兹接收机；低温读出电路', topic: '超导太赫兹探测器', modes: ['DEVELOPMENT', 'SERVICE'], availability: 'LIMITED' },
  { nameZh: '龚雪', title: 'ASSOCIATE_RESEARCH_FELLOW', organization: '中国科学院紫金山天文台', lab: 'pmo', fieldCodes: ['EIC.COMM'], directions: '微弱信号检测；射频前端；精密时频', topic: '微弱信号检测', modes: SVC, availability: 'OPEN' },
  { nameZh: '秦浩然', title: 'PROFESSOR', organization: '南京大学', fieldCodes: ['EIC.IC'], directions: '模拟集成电路设计；低功耗 ADC；电源管理芯片', topic: '低功耗模数转换器芯片', modes: ALL, availability: 'OPEN' },
  // New materials
  { nameZh: '刘洪涛', title: 'PROFESSOR', organization: '南京大学', lab: 'ssm', fieldCodes: ['NM.NANO'], directions: '低维量子材料；二维材料；铁电薄膜', topic: '二维材料制备', modes: DEV, availability: 'LIMITED' },
  { nameZh: '魏红', title: 'RESEARCH_FELLOW', organization: '南京玻璃纤维研究设计院', lab: 'fiber', fieldCodes: ['NM.FIBER'], directions: '高强高模玻璃纤维；玻纤浸润剂；复合材料界面', topic: '高模量玻璃纤维', modes: ALL, availability: 'OPEN' },
  { nameZh: '贾国栋', title: 'SENIOR_ENGINEER', organization: '南京玻璃纤维研究设计院', lab: 'fiber', fieldCodes: ['NM.FIBER', 'NM.CERAM'], directions: '复合材料检测；耐高温陶瓷纤维；纤维材料性能评价', topic: '纤维复合材料检测', modes: SVC, availability: 'OPEN' },
  { nameZh: '程立', title: 'PROFESSOR', organization: '南京大学', lab: 'coord', fieldCodes: ['NM.POLY'], directions: '金属有机框架材料；气体分离膜；吸附材料', topic: 'MOF 气体分离膜', modes: ALL, availability: 'OPEN' },
  { nameZh: '叶芳', title: 'ASSOCIATE_PROFESSOR', organization: '南京大学', lab: 'ore', fieldCodes: ['NM.METAL'], directions: '稀有金属提取；矿物材料；锂资源回收', topic: '废旧电池锂资源回收', modes: ALL, availability: 'OPEN' },
  { nameZh: '潘志刚', title: 'PROFESSOR', organization: '南京工业职业技术大学', fieldCodes: ['NM.COAT'], directions: '耐磨防腐涂层；热喷涂；表面工程', topic: '热喷涂耐磨涂层', modes: ALL, availability: 'OPEN' },
  { nameZh: '田野', title: 'ASSOCIATE_RESEARCH_FELLOW', organization: '南京玻璃纤维研究设计院', fieldCodes: ['NM.CERAM'], directions: '结构陶瓷；陶瓷基复合材料；高温隔热材料', topic: '高温隔热陶瓷材料', modes: DEV, availability: 'UNAVAILABLE' },
  // Petrochemicals
  { nameZh: '邹建国', title: 'PROFESSOR', organization: '南京大学', lab: 'coord', fieldCodes: ['PC.CAT'], directions: '均相催化；烯烃聚合催化剂；配位催化', topic: '烯烃聚合催化剂', modes: ALL, availability: 'OPEN' },
  { nameZh: '熊伟', title: 'RESEARCH_FELLOW', organization: '江苏省产业技术研究院栖霞研究所', fieldCodes: ['PC.PROC'], directions: '化工过程强化；微反应器；连续流合成', topic: '微通道连续流反应', modes: ALL, availability: 'OPEN' },
  { nameZh: '孟庆华', title: 'SENIOR_ENGINEER', organization: '江苏省产业技术研究院栖霞研究所', fieldCodes: ['PC.SAFE'], directions: '化工安全风险评估；HAZOP 分析；泄漏监测预警', topic: '化工泄漏监测预警', modes: SVC, availability: 'OPEN' },
  { nameZh: '金鑫', title: 'ASSOCIATE_PROFESSOR', organization: '南京师范大学', fieldCodes: ['PC.LOWC'], directions: '二氧化碳捕集利用；CO2 加氢制甲醇；低碳化工', topic: '二氧化碳加氢制甲醇', modes: ALL, availability: 'OPEN' },
  { nameZh: '苏琳', title: 'PROFESSOR', organization: '南京大学', lab: 'coord', fieldCodes: ['PC.FINE'], directions: '精细化学品合成；手性催化；医药中间体', topic: '手性医药中间体合成', modes: DEV, availability: 'LIMITED' },
  // Environment
  { nameZh: '李爱民', title: 'ACADEMICIAN', organization: '南京大学', lab: 'pollution', fieldCodes: ['EP.WATER'], directions: '树脂吸附；工业废水深度处理；难降解有机物去除', topic: '树脂吸附处理工业废水', modes: ['CONSULTING', 'JOINT_APPLICATION'], availability: 'LIMITED' },
  { nameZh: '张海洋', title: 'PROFESSOR', organization: '南京大学', lab: 'pollution', fieldCodes: ['EP.WATER', 'EP.SOLID'], directions: '高盐废水零排放；膜分离；污泥资源化', topic: '高盐废水零排放', modes: ALL, availability: 'OPEN' },
  { nameZh: '范晓丽', title: 'ASSOCIATE_PROFESSOR', organization: '南京大学', lab: 'pollution', fieldCodes: ['EP.AIR'], directions: 'VOCs 催化燃烧；工业废气治理；低温脱硝催化剂', topic: 'VOCs 催化燃烧', modes: ALL, availability: 'OPEN' },
  { nameZh: '汪涛', title: 'PROFESSOR', organization: '南京师范大学', lab: 'nnu-env', fieldCodes: ['EP.SOIL'], directions: '土壤重金属修复；场地污染调查；植物修复', topic: '重金属污染土壤修复', modes: ALL, availability: 'OPEN' },
  { nameZh: '陆雅琴', title: 'SENIOR_ENGINEER', organization: '南京师范大学', lab: 'nnu-env', fieldCodes: ['EP.MON'], directions: '水质在线监测；环境传感器；监测数据质控', topic: '水质在线监测仪', modes: SVC, availability: 'OPEN' },
  { nameZh: '夏冬', title: 'ASSOCIATE_RESEARCH_FELLOW', organization: '南京大学', lab: 'pollution', fieldCodes: ['EP.ENERGY'], directions: '工业余热回收；节能诊断；热泵系统', topic: '工业余热回收热泵', modes: SVC, availability: 'UNAVAILABLE' },
];
