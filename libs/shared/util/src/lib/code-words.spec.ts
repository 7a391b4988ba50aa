import { authoredCapitals, authoredCapitalsIn, codeWords, CODE_WORD_ALLOWED } from './code-words';

describe('codeWords', () => {
  it('finds enum codes, dotted codes and UUIDs', () => {
    expect(codeWords('状态 SUBMIT，阶段 CONTRACT_RECORDED')).toEqual(['SUBMIT', 'CONTRACT_RECORDED']);
    expect(codeWords('领域 NE.BAT 方式 TRANSFER.PATENT_APPLICATION')).toEqual(['NE.BAT', 'TRANSFER.PATENT_APPLICATION']);
    expect(codeWords('/results?org=0b6f4c1e-8f7a-4c2b-9a51-3f1d2e4c5b6a')).toEqual(['0b6f4c1e-8f7a-4c2b-9a51-3f1d2e4c5b6a']);
    expect(codeWords('须为 INDICATIVE, FLOOR, FIRM 之一')).toEqual(['INDICATIVE', 'FLOOR', 'FIRM']);
  });

  it('leaves words people read alone', () => {
    expect(codeWords('TRL 6 · KPI 台账 · 签署 NDA · 导出 Excel · PDF')).toEqual([]);
    expect(codeWords('专利 CN202310000001.5，成果编号 R2026-000012，信用代码 91320113MA1XKXABCD')).toEqual([]);
    expect(codeWords('admin@xkx.demo 南京 AI 芯片')).toEqual([]);
  });

  it('lets a scan allow the capitals authors wrote, never codes', () => {
    const authored = authoredCapitals('40 nm CMOS 流片验证；关键词 CCUS，STATUS_X');
    expect(authored).toEqual(['CMOS', 'CCUS']);
    expect(codeWords('CMOS 工艺 SUBMIT NE.BAT', [...CODE_WORD_ALLOWED, ...authored])).toEqual(['NE.BAT', 'SUBMIT']);
  });

  it('reads authored capitals out of an API body, not its codes', () => {
    const body = { items: [{ status: 'PUBLISHED', title: '40 nm CMOS 射频芯片', keywords: ['CCUS', '碳减排'], fieldCodes: ['NE.BAT'], nameEn: 'Nanjing University of Posts and Telecommunications (NJUPT)' }] };
    expect(authoredCapitalsIn(body).sort()).toEqual(['CCUS', 'CMOS', 'NJUPT']);
    expect(authoredCapitalsIn([{ id: 'x', terms: ['FPGA', '现场可编程门阵列'] }])).toEqual(['FPGA']);
  });
});
