import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { binary, fillTemplate, readXlsx } from '../support/xlsx';

type Header = '姓名*' | '英文名' | '职称*' | '所属机构*' | '实验室' | '研究领域代码*' | '研究方向*' | '合作方式*' | '合作意向*' | '联系邮箱' | '联系电话';
type Row = Partial<Record<Header, string>>;

/** Brokers import expert profiles from Excel (issue 16): template, validation by row and column, all or nothing, re-import updates. */
describe('expert import from Excel', () => {
  let t: TestApp;
  let broker: Session;
  let template: Buffer;
  let nju: { id: string; creditCode: string };
  let lab: string;

  /** A real .xlsx filled in from the downloaded template, as a broker would. */
  async function sheet(rows: Row[]): Promise<Buffer> {
    return fillTemplate(template, rows);
  }
  const upload = async (rows: Row[], status: number, lang = 'zh-CN') =>
    t.http.post('/api/experts/import').set(...bearer(broker)).set('Accept-Language', lang).attach('file', await sheet(rows), '专家名单.xlsx').expect(status);
  const count = async (): Promise<number> => Number((await t.app.get(DataSource).query(`SELECT count(*) AS n FROM expert`))[0].n);
  const imported = async (): Promise<number> => Number((await t.app.get(DataSource).query(`SELECT count(*) AS n FROM audit_log WHERE subject_type = 'expert' AND details->>'via' = 'import'`))[0].n);

  const good = (): Row[] => [
    { '姓名*': '导入甲', 英文名: 'Jia Daoru', '职称*': '教授', '所属机构*': '南京大学', 实验室: lab, '研究领域代码*': 'NE.BAT，AI', '研究方向*': '固态电解质界面与高比能电池', '合作方式*': '技术开发，技术咨询', '合作意向*': '可承接新合作', 联系邮箱: 'jia@example.edu.cn', 联系电话: '025-8359-0001' },
    { '姓名*': '导入乙', '职称*': 'ASSOCIATE_PROFESSOR', '所属机构*': nju.creditCode, '研究领域代码*': '生物医药', '研究方向*': '中药活性成分筛选', '合作方式*': '技术服务', '合作意向*': '档期有限' },
  ];

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    broker = await loginDemo(t.http, 'broker');
    const orgs = (await t.http.get('/api/organizations').query({ q: '南京大学' }).expect(200)).body.items as Array<{ id: string; nameZh: string }>;
    const id = orgs.find((o) => o.nameZh === '南京大学')!.id;
    nju = { id, creditCode: (await t.http.get(`/api/organizations/${id}`).expect(200)).body.creditCode };
    lab = ((await t.http.get('/api/laboratories').query({ organizationId: id, limit: 1 }).expect(200)).body.items as Array<{ nameZh: string }>)[0]!.nameZh;
  }, 180_000);
  afterAll(() => t?.close());

  it('gives brokers (not researchers) a template with Chinese headings and an instructions sheet', async () => {
    const res = await t.http.get('/api/experts/import-template').set(...bearer(broker)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('专家导入模板.xlsx'));
    template = res.body as Buffer;
    const workbook = await readXlsx(template);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean)).toEqual(['姓名*', '英文名', '职称*', '所属机构*', '实验室', '研究领域代码*', '研究方向*', '合作方式*', '合作意向*', '联系邮箱', '联系电话']);
    expect(workbook.worksheets[1]!.name).toBe('填写说明');
    const researcher = await loginDemo(t.http, 'researcher');
    await t.http.get('/api/experts/import-template').set(...bearer(researcher)).expect(403);
    await t.http.post('/api/experts/import').set(...bearer(researcher)).attach('file', await sheet(good()), 'x.xlsx').expect(403);
  });

  it('refuses a file with bad rows: 400 naming every row and column in the caller’s language, and stores nothing', async () => {
    const before = await count();
    const rows: Row[] = [
      ...good(),
      { '姓名*': '导入丙', '职称*': '博导', '所属机构*': '南京大学', '研究领域代码*': 'NE.BAT', '研究方向*': '电池材料', '合作方式*': '技术开发', '合作意向*': '可承接新合作' },
      { '姓名*': '导入丁', '职称*': '教授', '所属机构*': '不存在大学', '研究领域代码*': 'NE.BAT', '研究方向*': '电池材料', '合作方式*': '技术开发', '合作意向*': '可承接新合作' },
      { '姓名*': '导入戊', '职称*': '教授', '所属机构*': '南京大学', 实验室: '不存在实验室', '研究领域代码*': 'NE.BAT', '研究方向*': '电池材料', '合作方式*': '技术开发', '合作意向*': '可承接新合作' },
      { '姓名*': '导入己', '职称*': '教授', '所属机构*': '南京大学', '研究领域代码*': 'XX.YY', '研究方向*': '电池材料', '合作方式*': '技术开发', '合作意向*': '可承接新合作', 联系邮箱: 'not-an-email' },
      { '姓名*': '导入甲', '职称*': '教授', '所属机构*': '南京大学', '研究领域代码*': 'NE.BAT', '研究方向*': '电池材料', '合作方式*': '技术开发', '合作意向*': '可承接新合作' },
    ];
    const res = await upload(rows, 400);
    const errors = res.body.rowErrors as Array<{ row: number; column: string; field: string; message: string }>;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [4, '职称'],
      [5, '所属机构'],
      [6, '实验室'],
      [7, '联系邮箱'],
      [8, '姓名'],
    ]);
    expect(errors[0]!.message).toBe('第 4 行【职称】取值必须是以下之一：院士, 教授, 研究员, 副教授, 副研究员, 高级工程师, 讲师/助理研究员');
    expect(errors[1]!.message).toContain('找不到机构“不存在大学”');
    expect(errors[4]!.message).toContain('与第 2 行重复');
    const en = (await upload(rows, 400, 'en')).body.rowErrors as Array<{ message: string }>;
    expect(en[2]!.message).toBe('row 6, 实验室 (laboratory): is not a laboratory of this organization');
    // Unknown field codes are refused once the row's own cells are valid.
    const codes = (await upload([{ ...rows[5], 联系邮箱: undefined }], 400)).body.rowErrors;
    expect(codes).toEqual([{ row: 2, column: '研究领域代码', field: 'fieldCodes', message: '第 2 行【研究领域代码】包含不存在的技术领域：XX.YY' }]);
    // Rows 2 and 3 were good and are not stored either: all or nothing.
    expect(await count()).toBe(before);
    expect(await imported()).toBe(0);
  });

  it('stores a good file whole: verified profiles, contact details for brokers only, audited', async () => {
    const before = await count();
    const res = (await upload(good(), 201)).body;
    expect(res).toMatchObject({ total: 2, updated: [], unchanged: [] });
    expect(res.created.map((c: { row: number; nameZh: string }) => [c.row, c.nameZh])).toEqual([
      [2, '导入甲'],
      [3, '导入乙'],
    ]);
    expect(await count()).toBe(before + 2);
    const jia = (await t.http.get(`/api/experts/${res.created[0].id}`).set(...bearer(broker)).expect(200)).body;
    expect(jia).toMatchObject({ nameZh: '导入甲', nameEn: 'Jia Daoru', title: 'PROFESSOR', fieldCodes: ['NE.BAT', 'AI'], cooperationModes: ['DEVELOPMENT', 'CONSULTING'], availability: 'OPEN', verified: true, contact: { email: 'jia@example.edu.cn', phone: '025-8359-0001' } });
    expect(jia.organization.id).toBe(nju.id);
    expect(jia.laboratory.nameZh).toBe(lab);
    const pub = (await t.http.get(`/api/experts/${res.created[0].id}`).expect(200)).body;
    expect(pub.contact).toBeNull();
    // Found in the directory through the Chinese text pipeline.
    const found = (await t.http.get('/api/experts').query({ q: '中药活性成分' }).expect(200)).body.items as Array<{ nameZh: string }>;
    expect(found.map((e) => e.nameZh)).toContain('导入乙');
    // A field written by its name, as clerks write it (the listing import does the same), is stored as its code.
    expect((await t.app.get(DataSource).query(`SELECT field_codes FROM expert WHERE name_zh = '导入乙'`))[0].field_codes).toEqual(['BIO']);
    const admin = await loginDemo(t.http, 'admin');
    const trail = (await t.http.get('/api/audit-logs').query({ subjectType: 'expert', subjectId: res.created[0].id }).set(...bearer(admin)).expect(200)).body.items as Array<{ action: string }>;
    expect(trail.map((a) => a.action)).toEqual(['EXPERT_CREATED']);
  });

  it('a re-import updates existing profiles (matched by name within the organization) with its non-empty cells, audited; identical rows are unchanged', async () => {
    const before = await count();
    const res = (
      await upload([
        { '姓名*': '导入甲', '职称*': '院士', '所属机构*': '南京大学', '研究领域代码*': 'NE.BAT', '研究方向*': '固态电解质界面与高比能电池', '合作方式*': '技术开发', '合作意向*': '暂不承接' },
        good()[1]!,
      ], 201)
    ).body;
    expect(res.created).toEqual([]);
    expect(res.updated.map((u: { nameZh: string }) => u.nameZh)).toEqual(['导入甲']);
    expect(res.unchanged.map((u: { nameZh: string }) => u.nameZh)).toEqual(['导入乙']);
    expect(await count()).toBe(before);
    const jia = (await t.http.get(`/api/experts/${res.updated[0].id}`).set(...bearer(broker)).expect(200)).body;
    // Cells left empty keep their values (English name, laboratory, contact).
    expect(jia).toMatchObject({ title: 'ACADEMICIAN', fieldCodes: ['NE.BAT'], cooperationModes: ['DEVELOPMENT'], availability: 'UNAVAILABLE', nameEn: 'Jia Daoru', contact: { email: 'jia@example.edu.cn', phone: '025-8359-0001' } });
    expect(jia.laboratory.nameZh).toBe(lab);
    const admin = await loginDemo(t.http, 'admin');
    const trail = (await t.http.get('/api/audit-logs').query({ subjectType: 'expert', subjectId: jia.id }).set(...bearer(admin)).expect(200)).body.items as Array<{ action: string; changes: Array<{ field: string }> }>;
    const update = trail.find((a) => a.action === 'EXPERT_UPDATED')!;
    expect(update.changes.map((c) => c.field).sort()).toEqual(['availability', 'cooperationModes', 'expertTitle', 'researchFields']);
  });
});
