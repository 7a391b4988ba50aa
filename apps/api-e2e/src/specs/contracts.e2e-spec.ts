import { addCalendarDays, creditCodeCheckChar, parseYuanToFen, shanghaiDate } from '@xkx/util';
import { bearer, login, loginDemo, Session } from '../support/auth';
import { AWKWARD_FEN, backdateNotice, contractPayload, DealDriver, DealSessions, nextRegistrationNumber, publishedPair, REGISTRATION_EXTRA } from '../support/deals';
import { resultPayload } from '../support/listings';
import { startTestApp, TestApp } from '../support/test-app';
import { DataSource } from 'typeorm';

describe('technology contracts: exact amounts, payments, registration, types as data', () => {
  let t: TestApp;
  let s: DealSessions;
  let otherResearcher: Session;
  let dealId: string;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    const [researcher, enterprise, broker, admin] = await Promise.all([loginDemo(t.http, 'researcher'), loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'broker'), loginDemo(t.http, 'admin')]);
    s = { researcher, enterprise, broker, admin };
    otherResearcher = await login(t.http, 'researcher.njupt@xkx.demo', 'Xiake-Research-2026', '10.8.0.3');
    const pair = await publishedPair(t.http, s, '合同金额');
    // Contracts exist once terms are agreed and the notice is over: the first one recorded signs the deal.
    const drive = new DealDriver(t.http, s, backdateNotice(t.app.get(DataSource)));
    dealId = await drive.walkTo('PUBLIC_NOTICE', pair);
    await drive.prepare(dealId, 'CONTRACT_SIGNED');
  }, 180_000);
  afterAll(() => t.close());

  const create = (overrides: Record<string, unknown> = {}) => t.http.post('/api/contracts').set(...bearer(s.broker)).send(contractPayload(dealId, overrides));

  it('keeps 合同成交额, 技术交易额 and 实际到账 apart and exact to the fen (1,234,567.89 yuan)', async () => {
    expect(parseYuanToFen('1234567.89')).toBe(AWKWARD_FEN);
    const res = await create().expect(201);
    expect(res.body.code).toMatch(/^C\d{4}-\d{6}$/);
    expect(res.body.amounts).toEqual({ contractAmountFen: 123_456_789, nonTechnicalCostFen: 3_456_780, technicalAmountFen: 120_000_009, receivedFen: 0, outstandingFen: 123_456_789 });
    // The parties default to the deal's institution and enterprise, with their credit code and area code.
    expect(res.body.seller).toMatchObject({ name: '南京大学', legalPersonType: 'UNIVERSITY', areaCode: '320113' });
    // A university is a 事业单位: its 统一社会信用代码 begins with 12 and is carried like an enterprise's.
    expect(res.body.seller.creditCode).toMatch(/^12320000MB1000001.$/);
    expect(res.body.buyer).toMatchObject({ name: '南京栖霞新能源科技有限公司', legalPersonType: 'ENTERPRISE' });
    expect(res.body.buyer.creditCode).toMatch(/^91320113MA1XK0001.$/);
    expect(res.body.schedule.map((i: { amountFen: number }) => i.amountFen)).toEqual([61_728_394, 61_728_395]);

    const id = res.body.id as string;
    const first = await t.http.post(`/api/contracts/${id}/payments`).set(...bearer(s.broker)).send({ receivedOn: '2026-04-30', amountFen: 61_728_394, evidenceNote: '工商银行回单 No. 20260430001' }).expect(201);
    expect(first.body.amounts).toMatchObject({ receivedFen: 61_728_394, outstandingFen: 61_728_395 });
    const second = await t.http.post(`/api/contracts/${id}/payments`).set(...bearer(s.broker)).send({ receivedOn: '2026-11-02', amountFen: 61_728_395, evidenceNote: '工商银行回单 No. 20261102002' }).expect(201);
    expect(second.body.amounts).toMatchObject({ receivedFen: 123_456_789, outstandingFen: 0 });
    expect(second.body.payments).toHaveLength(2);

    const over = await t.http.post(`/api/contracts/${id}/payments`).set(...bearer(s.broker)).send({ receivedOn: '2026-11-20', amountFen: 1, evidenceNote: '多付一分' }).expect(400);
    expect(over.body).toMatchObject({ code: 'PAYMENT_EXCEEDS_CONTRACT', errors: [{ field: 'amountFen' }] });
    expect(over.body.errors[0].message).toContain('¥1,234,567.90'); // in yuan, as people read it
    // A payment dated before the signing or after today would land in the wrong KPI year: refused on the field.
    const early = await t.http.post(`/api/contracts/${id}/payments`).set(...bearer(s.broker)).send({ receivedOn: '2026-03-17', amountFen: 1, evidenceNote: '签约前' }).expect(400);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'receivedOn', message: expect.stringContaining('2026-03-18') })]);
    const tomorrow = addCalendarDays(shanghaiDate(), 1);
    const future = await t.http.post(`/api/contracts/${id}/payments`).set(...bearer(s.broker)).send({ receivedOn: tomorrow, amountFen: 1, evidenceNote: '明天' }).expect(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'receivedOn' })]);
    const shrink = await t.http.patch(`/api/contracts/${id}`).set(...bearer(s.broker)).send({ version: second.body.version, contractAmountFen: 100, nonTechnicalCostFen: 0, schedule: [] }).expect(400);
    expect(shrink.body.errors[0].field).toBe('contractAmountFen');

    const deal = await t.http.get(`/api/deals/${dealId}`).set(...bearer(s.enterprise)).expect(200);
    expect(deal.body.contracts).toEqual([expect.objectContaining({ id, contractAmountFen: 123_456_789, technicalAmountFen: 120_000_009, receivedFen: 123_456_789 })]);
    const timeline = await t.http.get(`/api/deals/${dealId}/timeline`).set(...bearer(s.broker)).expect(200);
    expect(timeline.body.filter((e: { kind: string }) => e.kind === 'PAYMENT_RECEIVED')).toHaveLength(2);
  });

  it.each([
    [{ nonTechnicalCostFen: AWKWARD_FEN + 1 }, 'nonTechnicalCostFen', '不能超过合同成交额'],
    [{ schedule: [{ dueOn: '2026-04-30', amountFen: 61_728_394, description: '首付' }, { dueOn: '2026-12-31', amountFen: 61_728_394, description: '尾款' }] }, 'schedule', '¥1,234,567.88'],
    [{ contractAmountFen: 1234567.89 }, 'contractAmountFen', '以分为单位'],
    [{ typeCode: 'TRANSFER' }, 'typeCode', '子类型'],
    [{ typeCode: 'BARTER' }, 'typeCode', 'BARTER'],
    [{ seller: { name: '南京大学', creditCode: '91320113MA1XK00010', areaCode: '320113', legalPersonType: 'UNIVERSITY' } }, 'seller.creditCode', '统一社会信用代码'],
    [{ buyer: { name: '某企业', areaCode: '990000', legalPersonType: 'ENTERPRISE' } }, 'buyer.areaCode', '行政区划'],
    [{ termEnd: '2020-01-01' }, 'termEnd', '不能早于'],
  ])('refuses %j on %s', async (overrides, field, text) => {
    const res = await create(overrides).expect(400);
    const error = (res.body.errors as Array<{ field: string; message: string }>).find((e) => e.field === field);
    expect(error?.message).toContain(text);
  });

  it('takes a 事业单位 credit code (12…) for a party on every write and refuses a wrong check character on the field, in Chinese and English', async () => {
    const institute = `12320000466002703${creditCodeCheckChar('12320000466002703')}`;
    const wrong = `${institute.slice(0, 17)}${institute.endsWith('0') ? '1' : '0'}`;
    const seller = (creditCode: string) => ({ name: '南京大学', creditCode, areaCode: '320113', legalPersonType: 'UNIVERSITY' });
    const created = await create({ seller: seller(institute.toLowerCase()), buyer: { name: '江苏省产业技术研究院栖霞研究所', creditCode: institute, areaCode: '320113', legalPersonType: 'RESEARCH_INSTITUTE' } }).expect(201);
    expect(created.body.seller.creditCode).toBe(institute);
    expect(created.body.buyer.creditCode).toBe(institute);
    const fieldError = (res: { body: { errors: Array<{ field: string; message: string }> } }, field: string) => res.body.errors.find((e) => e.field === field)?.message;
    // Create, edit and amendment check it the same way (GB 32100-2015), named on the field.
    const zh = await create({ seller: seller(wrong) }).expect(400);
    expect(fieldError(zh, 'seller.creditCode')).toContain('统一社会信用代码');
    const en = await t.http.post('/api/contracts').set(...bearer(s.broker)).set('Accept-Language', 'en').send(contractPayload(dealId, { seller: seller(wrong) })).expect(400);
    expect(fieldError(en, 'seller.creditCode')).toContain('unified social credit code');
    const id = created.body.id as string;
    const edit = await t.http.patch(`/api/contracts/${id}`).set(...bearer(s.broker)).send({ version: created.body.version, buyer: { ...seller(wrong), name: '江苏省产业技术研究院栖霞研究所', legalPersonType: 'RESEARCH_INSTITUTE' } }).expect(400);
    expect(fieldError(edit, 'buyer.creditCode')).toContain('统一社会信用代码');
    const amend = (creditCode: string) => t.http.post(`/api/contracts/${id}/amendments`).set(...bearer(s.broker)).set('Accept-Language', 'en').send({ version: created.body.version, effectiveOn: '2026-05-01', reason: '更正卖方信用代码', seller: { creditCode } });
    expect(fieldError((await amend(wrong).expect(400)), 'seller.creditCode')).toContain('unified social credit code');
    // A good 12… code passes validation; this contract is not registered, so no amendment is due.
    expect((await amend(institute).expect(409)).body.code).toBe('CONTRACT_AMENDMENT_NOT_ALLOWED');
    const edited = await t.http.patch(`/api/contracts/${id}`).set(...bearer(s.broker)).send({ version: created.body.version, seller: seller(institute) }).expect(200);
    expect(edited.body.seller.creditCode).toBe(institute);
  });

  it('registers a contract: submitted with the configured fields, then a 16-digit number and 核定技术性收入额', async () => {
    const c = (await create().expect(201)).body;
    const put = (body: Record<string, unknown>) => t.http.put(`/api/contracts/${c.id}/registration`).set(...bearer(s.broker)).send(body);
    const skip = await put({ version: c.version, status: 'REGISTERED', registrationNumber: nextRegistrationNumber(), registeredIncomeFen: 1 }).expect(409);
    expect(skip.body.code).toBe('REGISTRATION_TRANSITION_NOT_ALLOWED');
    const missing = await put({ version: c.version, status: 'SUBMITTED' }).expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra.ipType', 'extra.technicalField']);
    const badChoice = await put({ version: c.version, status: 'SUBMITTED', extra: { ...REGISTRATION_EXTRA, technicalField: '玄学' } }).expect(400);
    expect(badChoice.body.errors[0].field).toBe('extra.technicalField');
    const unknownField = await put({ version: c.version, status: 'SUBMITTED', extra: { ...REGISTRATION_EXTRA, shoeSize: 42 } }).expect(400);
    expect(unknownField.body.errors[0].field).toBe('extra.shoeSize');
    const submitted = await put({ version: c.version, status: 'SUBMITTED', submittedOn: '2026-03-20', extra: REGISTRATION_EXTRA }).expect(200);
    expect(submitted.body.registration).toMatchObject({ status: 'SUBMITTED', submittedOn: '2026-03-20', extra: REGISTRATION_EXTRA });
    const stale = await put({ version: c.version, status: 'REGISTERED' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: submitted.body.version });

    const v = submitted.body.version as number;
    for (const number of ['202632011300004', '2026990113000042', '2026-320113-004']) {
      const bad = await put({ version: v, status: 'REGISTERED', registrationNumber: number, registeredIncomeFen: 120_000_009 }).expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'registrationNumber' });
    }
    const tooMuch = await put({ version: v, status: 'REGISTERED', registrationNumber: nextRegistrationNumber(), registeredIncomeFen: 120_000_010 }).expect(400);
    expect(tooMuch.body.errors[0].field).toBe('registeredIncomeFen');
    const number = nextRegistrationNumber();
    const registered = await put({ version: v, status: 'REGISTERED', registrationNumber: number, registeredIncomeFen: 120_000_009, decidedOn: '2026-04-10' }).expect(200);
    expect(registered.body.registration).toMatchObject({ status: 'REGISTERED', registrationNumber: number, registeredIncomeFen: 120_000_009, decidedOn: '2026-04-10' });
    await put({ version: registered.body.version, status: 'REFUSED', note: '不符合认定条件' }).expect(409);
    // Registered: amounts, parties and type are frozen (a correction is an amendment); other fields stay editable.
    const costs = await t.http.patch(`/api/contracts/${c.id}`).set(...bearer(s.broker)).send({ version: registered.body.version, nonTechnicalCostFen: 3_456_781 }).expect(409);
    expect(costs.body).toMatchObject({ code: 'CONTRACT_FROZEN', errors: [expect.objectContaining({ field: 'nonTechnicalCostFen' })] });
    const amount = await t.http.patch(`/api/contracts/${c.id}`).set(...bearer(s.broker)).send({ version: registered.body.version, contractAmountFen: 123_456_788, schedule: [] }).expect(409);
    expect(amount.body.errors.map((e: { field: string }) => e.field)).toEqual(['contractAmountFen']);
    await t.http.patch(`/api/contracts/${c.id}`).set(...bearer(s.broker)).send({ version: registered.body.version, nonTechnicalCostFen: 3_456_780, contractNo: 'NJU-2026-JS-0042' }).expect(200);

    const other = (await create().expect(201)).body;
    const sub = await t.http.put(`/api/contracts/${other.id}/registration`).set(...bearer(s.broker)).send({ version: other.version, status: 'SUBMITTED', extra: REGISTRATION_EXTRA }).expect(200);
    const dup = await t.http.put(`/api/contracts/${other.id}/registration`).set(...bearer(s.broker)).send({ version: sub.body.version, status: 'REGISTERED', registrationNumber: number, registeredIncomeFen: 1 }).expect(409);
    expect(dup.body.errors[0]).toEqual({ field: 'registrationNumber', message: '该登记号已用于另一份合同' });
    const refusedNoReason = await t.http.put(`/api/contracts/${other.id}/registration`).set(...bearer(s.broker)).send({ version: sub.body.version, status: 'REFUSED' }).expect(400);
    expect(refusedNoReason.body.errors[0].field).toBe('note');
    const refused = await t.http.put(`/api/contracts/${other.id}/registration`).set(...bearer(s.broker)).send({ version: sub.body.version, status: 'REFUSED', note: '技术服务内容属于一般性劳务，未予登记' }).expect(200);
    expect(refused.body.registration).toMatchObject({ status: 'REFUSED', registrationNumber: null });
  });

  it('checks the 登记表 专利号 with the listing form’s patent check: what one refuses, the other refuses (zh and en)', async () => {
    const c = (await create().expect(201)).body;
    const put = (patentNumber: string, language = 'zh-CN') =>
      t.http.put(`/api/contracts/${c.id}/registration`).set(...bearer(s.broker)).set('Accept-Language', language).send({ version: c.version, status: 'NOT_SUBMITTED', extra: { ...REGISTRATION_EXTRA, patentNumber } });
    const listing = (number: string) =>
      t.http.post('/api/results').set(...bearer(s.researcher)).send(resultPayload({ ipAssets: [{ type: 'INVENTION_PATENT', number, status: 'GRANTED' }] }));
    const message = (res: { body: { errors: Array<{ field: string; message: string }> } }, field: string) => res.body.errors.find((e) => e.field === field)?.message;
    // CN202110123456.X was accepted as free text; its check digit is 7.
    for (const wrong of ['CN202110123456.X', 'CN202310123456.7', '专利一项']) {
      const registration = await put(wrong).expect(400);
      const result = await listing(wrong).expect(400);
      expect(message(registration, 'extra.patentNumber')).toContain('专利申请号');
      expect(message(registration, 'extra.patentNumber')).toBe(message(result, 'ipAssets.0.number'));
    }
    expect(message(await put('CN202110123456.X', 'en').expect(400), 'extra.patentNumber')).toContain('patent');
    // The forms' example and the corrected number pass both.
    for (const good of ['CN202310123456.6', 'CN202110123456.7']) await listing(good).expect(201);
    const saved = await put('CN202110123456.7').expect(200);
    expect(saved.body.registration.extra).toMatchObject({ patentNumber: 'CN202110123456.7' });
  });

  it('asks transfers and licences for the expected investment and output before registration', async () => {
    const c = (await create({ typeCode: 'TRANSFER.PATENT', expectedInvestmentFen: null, expectedOutputFen: null }).expect(201)).body;
    const res = await t.http.put(`/api/contracts/${c.id}/registration`).set(...bearer(s.broker)).send({ version: c.version, status: 'SUBMITTED', extra: REGISTRATION_EXTRA }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('expectedInvestmentFen');
    const consulting = (await create({ typeCode: 'CONSULTING', expectedInvestmentFen: null, expectedOutputFen: null }).expect(201)).body;
    await t.http.put(`/api/contracts/${consulting.id}/registration`).set(...bearer(s.broker)).send({ version: consulting.version, status: 'SUBMITTED', extra: { technicalField: '新材料' } }).expect(200);
  });

  it('lets the deal’s parties read its contracts and nobody else', async () => {
    const c = (await create().expect(201)).body;
    await t.http.get(`/api/contracts/${c.id}`).set(...bearer(s.enterprise)).expect(200);
    await t.http.get(`/api/contracts/${c.id}`).set(...bearer(s.researcher)).expect(200);
    await t.http.get(`/api/contracts/${c.id}`).set(...bearer(otherResearcher)).expect(404);
    await t.http.get('/api/contracts').set(...bearer(s.enterprise)).expect(403);
    await t.http.post('/api/contracts').set(...bearer(s.researcher)).send(contractPayload(dealId)).expect(403);
    const list = await t.http.get('/api/contracts').query({ dealId, typeCode: 'LICENSE' }).set(...bearer(s.broker)).expect(200);
    expect(list.body.items.every((i: { type: { code: string } }) => i.type.code.startsWith('LICENSE.'))).toBe(true);
  });

  it('keeps contract types and registration fields as data administrators edit', async () => {
    const types = await t.http.get('/api/contract-types').set(...bearer(s.researcher)).expect(200);
    expect(types.body.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining(['DEVELOPMENT.COMMISSIONED', 'DEVELOPMENT.COOPERATIVE', 'TRANSFER.PATENT', 'TRANSFER.PATENT_APPLICATION', 'TRANSFER.TECHNICAL_SECRET', 'LICENSE.PATENT', 'CONSULTING', 'SERVICE.GENERAL']));
    await t.http.put('/api/contract-types/TRANSFER.NEW_DRUG').set(...bearer(s.broker)).send({ parentCode: 'TRANSFER', nameZh: '新药技术转让', nameEn: 'New drug technology transfer' }).expect(403);
    await t.http.put('/api/contract-types/TRANSFER.NEW_DRUG').set(...bearer(s.admin)).send({ parentCode: 'TRANSFER', nameZh: '新药技术转让', nameEn: 'New drug technology transfer', asksInvestment: true }).expect(200);
    await create({ typeCode: 'TRANSFER.NEW_DRUG', projectName: '一类新药候选化合物技术转让' }).expect(201);
    await t.http.put('/api/registration-fields/drugApprovalNumber').set(...bearer(s.admin)).send({ labelZh: '药品注册批件号', labelEn: 'Drug approval number', valueType: 'TEXT', required: true, contractTypes: ['TRANSFER.NEW_DRUG'] }).expect(200);
    const drug = (await create({ typeCode: 'TRANSFER.NEW_DRUG' }).expect(201)).body;
    const res = await t.http.put(`/api/contracts/${drug.id}/registration`).set(...bearer(s.broker)).send({ version: drug.version, status: 'SUBMITTED', extra: REGISTRATION_EXTRA }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['extra.drugApprovalNumber']);
    await t.http.put('/api/contract-types/TRANSFER.NEW_DRUG').set(...bearer(s.admin)).send({ nameZh: '新药技术转让', nameEn: 'New drug technology transfer', active: false }).expect(200);
    await create({ typeCode: 'TRANSFER.NEW_DRUG' }).expect(400);
  });

  it('seeds demo deals in every stage and contracts of every type, some registered, some paid in part', async () => {
    const board = await t.http.get('/api/deals/board').set(...bearer(s.broker)).expect(200);
    for (const column of board.body.columns as Array<{ stage: string; deals: unknown[] }>) expect({ stage: column.stage, some: column.deals.length > 0 }).toEqual({ stage: column.stage, some: true });
    const all = await t.http.get('/api/contracts').query({ limit: 200 }).set(...bearer(s.broker)).expect(200);
    const items = all.body.items as Array<{ type: { code: string }; registration: { status: string; registrationNumber: string | null }; amounts: { contractAmountFen: number; technicalAmountFen: number; nonTechnicalCostFen: number; receivedFen: number } }>;
    expect(new Set(items.map((i) => i.type.code.split('.')[0]))).toEqual(new Set(['DEVELOPMENT', 'TRANSFER', 'LICENSE', 'CONSULTING', 'SERVICE']));
    expect(items.some((i) => i.registration.status === 'REGISTERED' && /^\d{16}$/.test(i.registration.registrationNumber ?? ''))).toBe(true);
    expect(items.some((i) => i.amounts.receivedFen > 0 && i.amounts.receivedFen < i.amounts.contractAmountFen)).toBe(true);
    for (const i of items) expect(i.amounts.technicalAmountFen).toBe(i.amounts.contractAmountFen - i.amounts.nonTechnicalCostFen);
    const notices = await t.http.get('/api/public-notices').expect(200);
    expect(notices.body.items.length).toBeGreaterThan(0);
  });
});
