/** The district's priority industrial chains: the top level of the technology-field tree. */
export const PRIORITY_CHAINS = [
  { code: 'NE', 'zh-CN': '新能源', en: 'New energy' },
  { code: 'BIO', 'zh-CN': '生物医药', en: 'Biomedicine' },
  { code: 'AI', 'zh-CN': '人工智能', en: 'Artificial intelligence' },
  { code: 'IME', 'zh-CN': '智能制造装备', en: 'Intelligent manufacturing equipment' },
  { code: 'ICV', 'zh-CN': '智能网联汽车', en: 'Intelligent connected vehicles' },
  { code: 'EIC', 'zh-CN': '电子信息/集成电路', en: 'Electronics and integrated circuits' },
  { code: 'NM', 'zh-CN': '新材料', en: 'New materials' },
  { code: 'PC', 'zh-CN': '石油化工', en: 'Petrochemicals' },
  { code: 'EP', 'zh-CN': '节能环保', en: 'Energy saving and environmental protection' },
] as const;
