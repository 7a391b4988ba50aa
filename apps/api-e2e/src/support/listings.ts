/** Valid listing payloads to start from; tests override what they are about. */
export function resultPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '高镍三元正极材料表面包覆改性技术',
    valueProposition: '循环寿命提升 40%，材料成本增加不到 3%',
    publicSummary: '采用原子层沉积在高镍三元正极颗粒表面形成均匀的氧化铝包覆层，抑制电解液副反应与过渡金属溶出，显著提升锂离子电池的循环寿命与热稳定性。',
    confidentialDetail: '包覆前驱体配比与 ALD 循环次数窗口：见附件工艺卡。',
    problemSolved: '高镍正极循环衰减快、热稳定性差',
    advantages: '1000 次循环容量保持率由 72% 提升至 91%',
    indicators: [{ name: '容量保持率', value: '≥ 90', unit: '%' }],
    applications: '动力电池、储能电池',
    fieldCodes: ['NE.BAT'],
    keywords: ['正极材料', '锂离子电池', '包覆'],
    form: 'NEW_MATERIAL',
    trl: 6,
    stage: 'PILOT',
    ipAssets: [{ type: 'INVENTION_PATENT', number: 'CN202310000001.5', status: 'GRANTED', title: '一种高镍正极包覆方法' }],
    owners: [{ name: '南京大学', sharePercent: 100 }],
    inventors: ['张伟', '李娜'],
    serviceInvention: true,
    transferModes: ['LICENSE_EXCLUSIVE', 'TRANSFER'],
    price: { negotiable: false, minFen: 50_000_000, maxFen: 120_000_000, priceType: 'INDICATIVE' },
    validUntil: futureDate(400),
    ...overrides,
  };
}

export function needPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '动力电池包热失控早期预警技术需求',
    publicSummary: '企业动力电池包产线需要一种可在热失控发生前 5 分钟以上给出预警的监测方案，可与现有电池管理系统集成。',
    confidentialDetail: '现有产线年产 20 万包，BMS 供应商为某头部企业。',
    problem: '现有 BMS 只能在温度骤升后报警，预警时间不足',
    indicators: [{ name: '预警提前量', value: '≥ 5', unit: 'min' }],
    mustHaves: ['可与 CAN 总线 BMS 集成'],
    niceToHaves: [],
    fieldCodes: ['NE.BAT'],
    keywords: ['热失控', '电池管理系统', '预警'],
    needType: 'TECH_BREAKTHROUGH',
    cooperationModes: ['CO_DEVELOPMENT', 'LICENSE_GENERAL'],
    budget: { negotiable: false, minFen: 30_000_000, maxFen: 80_000_000 },
    bountyFen: null,
    minTrl: 5,
    deadline: futureDate(180),
    validUntil: futureDate(365),
    anonymous: false,
    ...overrides,
  };
}

export function futureDate(days: number, from = new Date()): string {
  const d = new Date(from);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
