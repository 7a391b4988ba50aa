// FROZEN: the data migration 1796430042800-SeedNarrowerSynonyms inserted. Never edit this file: a database that ran the
// migration holds exactly this, so a change here would make the same migration mean two things.
// Change reference data with a new migration (and, for a list, a new versioned file beside this one).
// reference-data.spec.ts fails when this file's content changes.

/**
 * Broader → narrower terms (relation NARROWER): a search for the first term also finds the others, ranked
 * below direct hits. Narrower terms may be members of equivalence groups (计算机视觉 folds to 机器视觉).
 */
export const NARROWER_SYNONYM_GROUPS_V2: readonly (readonly string[])[] = [
  ['人工智能', '计算机视觉', '机器学习', '深度学习', '大模型', '自然语言处理', '知识图谱', '语音识别', '智能语音', '图像识别', '目标检测'],
  ['大模型', '检索增强生成', '多模态大模型'],
  ['新能源', '光伏', '太阳能电池', '风电', '氢能', '储能', '锂离子电池', '钠离子电池', '燃料电池', '综合能源'],
  ['储能', '锂离子电池', '钠离子电池', '液流电池', '电池管理系统'],
  ['新材料', '复合材料', '碳纤维', '玻璃纤维', '石墨烯', '纳米材料', '高分子材料', '陶瓷材料', '合金', '涂层', '膜材料'],
  ['生物医药', '创新药', '中药', '生物制品', '医疗器械', '体外诊断', '单克隆抗体'],
  ['智能制造', '工业机器人', '协作机器人', '数控机床', '增材制造', '工业互联网', '数字孪生', '制造执行系统', '预测性维护'],
  ['智能网联汽车', '自动驾驶', '车联网', '蜂窝车联网', '激光雷达', '毫米波雷达', '高级驾驶辅助系统'],
  ['集成电路', '芯片设计', '系统级芯片', '现场可编程门阵列', '专用集成电路', '第三代半导体', '碳化硅', '氮化镓'],
  ['节能环保', '污水处理', '挥发性有机物', '固体废物', '危险废物', '余热回收', '碳捕集利用与封存'],
];
