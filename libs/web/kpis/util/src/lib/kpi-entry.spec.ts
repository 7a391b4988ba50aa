import { fenToYuanInput, rndPuts, targetRowPairValidator, targetsRequest, yuanInputToFen } from './kpi-entry';

describe('amounts typed in 元', () => {
  it('parses them into fen on the digits, with 万 and 亿', () => {
    expect(yuanInputToFen('84亿')).toBe(840_000_000_000);
    expect(yuanInputToFen(' 8,400,000,000 ')).toBe(840_000_000_000);
    expect(yuanInputToFen('12.5亿')).toBe(125_000_000_000);
    expect(yuanInputToFen('1234567.89')).toBe(123_456_789);
    expect(yuanInputToFen('0.1')).toBe(10);
    expect(yuanInputToFen('¥0.01')).toBe(1);
  });

  it('tells nothing entered apart from not an amount', () => {
    expect(yuanInputToFen('')).toBeUndefined();
    expect(yuanInputToFen('  ')).toBeUndefined();
    expect(yuanInputToFen(null)).toBeUndefined();
    expect(yuanInputToFen('0.001')).toBeNull();
    expect(yuanInputToFen('-5')).toBeNull();
    expect(yuanInputToFen('abc')).toBeNull();
    expect(yuanInputToFen('99999999999999999')).toBeNull(); // beyond exact integers of fen
  });

  it('writes fen back as the field starts, exactly', () => {
    expect(fenToYuanInput(840_000_000_000)).toBe('8400000000');
    expect(fenToYuanInput(123_456_789)).toBe('1234567.89');
    expect(fenToYuanInput(10)).toBe('0.10');
    expect(fenToYuanInput(0)).toBe('0');
    expect(fenToYuanInput(null)).toBe('');
    for (const fen of [1, 99, 100, 123_456_789, 9_007_199_254_740_991]) expect(yuanInputToFen(fenToYuanInput(fen))).toBe(fen);
  });
});

describe('the targets form', () => {
  const rows = [
    { organizationId: 'a', projects: null, contractAmount: '' },
    { organizationId: 'b', projects: 40, contractAmount: '20亿' },
    { organizationId: 'c', projects: null, contractAmount: ' ' },
    { organizationId: 'd', projects: 0, contractAmount: '0' },
  ];

  it('sends only the institutions with a target and maps the API’s field paths back to the form rows', () => {
    const request = targetsRequest(2026, { projects: 200, contractAmount: '100亿', institutions: rows });
    expect(request?.body).toEqual({
      year: 2026,
      projects: 200,
      contractAmountFen: 1_000_000_000_000,
      institutions: [
        { organizationId: 'b', projects: 40, contractAmountFen: 200_000_000_000 },
        { organizationId: 'd', projects: 0, contractAmountFen: 0 },
      ],
    });
    expect(request?.aliases).toMatchObject({
      contractAmountFen: 'contractAmount',
      'institutions.0.projects': 'institutions.1.projects',
      'institutions.1.contractAmountFen': 'institutions.3.contractAmount',
      'institutions.1.organizationId': 'institutions.3.contractAmount',
    });
  });

  it('sends an empty list when no institution has a target (the year’s list is replaced)', () => {
    expect(targetsRequest(2026, { projects: 165, contractAmount: '84亿', institutions: [rows[0]!] })?.body.institutions).toEqual([]);
  });

  it('refuses an invalid form', () => {
    expect(targetsRequest(2026, { projects: null, contractAmount: '84亿', institutions: [] })).toBeNull();
    expect(targetsRequest(2026, { projects: 1, contractAmount: '', institutions: [] })).toBeNull();
    expect(targetsRequest(2026, { projects: 1, contractAmount: '1.001', institutions: [] })).toBeNull();
    expect(targetsRequest(2026, { projects: 1, contractAmount: '1', institutions: [{ organizationId: 'x', projects: 3, contractAmount: '' }] })).toBeNull();
  });

  it('wants both or neither of a row’s projects and amount', () => {
    expect(targetRowPairValidator({ value: rows[0] })).toBeNull();
    expect(targetRowPairValidator({ value: rows[1] })).toBeNull();
    expect(targetRowPairValidator({ value: rows[3] })).toBeNull();
    expect(targetRowPairValidator({ value: { organizationId: 'x', projects: 3, contractAmount: '' } })).toEqual({ pair: true });
    expect(targetRowPairValidator({ value: { organizationId: 'x', projects: null, contractAmount: '5' } })).toEqual({ pair: true });
  });
});

describe('the R&D spending entry', () => {
  const before = { amountFen: 110_000_000, previousAmountFen: 100_000_000, note: '年报' };

  it('sends nothing when nothing changed', () => {
    expect(rndPuts(2026, before, { amount: '1100000', previousAmount: '1,000,000.00', note: ' 年报 ' })).toEqual([]);
  });

  it('sends the year’s amount without a note when only the amount changed, so the API keeps the note', () => {
    expect(rndPuts(2026, before, { amount: '1100000.01', previousAmount: '1000000', note: '年报' })).toEqual([{ year: 2026, body: { amountFen: 110_000_001 }, control: 'amount' }]);
  });

  it('sends the note with the year’s amount when it changed, an emptied note as empty', () => {
    expect(rndPuts(2026, before, { amount: '1100000', previousAmount: '1000000', note: '审计报告' })).toEqual([{ year: 2026, body: { amountFen: 110_000_000, note: '审计报告' }, control: 'amount' }]);
    expect(rndPuts(2026, before, { amount: '1100000', previousAmount: '1000000', note: '' })).toEqual([{ year: 2026, body: { amountFen: 110_000_000, note: '' }, control: 'amount' }]);
  });

  it('sends the year before on its own, never with a note', () => {
    expect(rndPuts(2026, before, { amount: '1100000', previousAmount: '90万', note: '年报' })).toEqual([{ year: 2025, body: { amountFen: 90_000_000 }, control: 'previousAmount' }]);
  });

  it('enters both years for an enterprise that has entered nothing yet; empty fields are not sent', () => {
    const none = { amountFen: null, previousAmountFen: null, note: null };
    expect(rndPuts(2026, none, { amount: '3,666,666.66', previousAmount: '3333333.33', note: '' })).toEqual([
      { year: 2026, body: { amountFen: 366_666_666 }, control: 'amount' },
      { year: 2025, body: { amountFen: 333_333_333 }, control: 'previousAmount' },
    ]);
    expect(rndPuts(2026, none, { amount: '', previousAmount: '', note: '' })).toEqual([]);
  });
});
