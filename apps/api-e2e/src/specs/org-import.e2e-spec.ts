import { describeRowError, importOrganizations, organizationTemplate, QIXIA_ORGANIZATIONS, qixiaRows, readOrganizationRows } from '@xkx/api/testing';
import { creditCodeCheckChar } from '@xkx/util';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { WORKSPACE_ROOT } from '../support/built-server';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, loginDemo } from '../support/auth';
import { binary, fillTemplate, readXlsx } from '../support/xlsx';

const LIMITS = { maxRows: 10_000, maxUncompressedBytes: 64 * 1_048_576, maxEntries: 1000 };

/** A valid, fictional 统一社会信用代码 from its first 17 characters. */
const code = (body: string): string => `${body}${creditCodeCheckChar(body)}`;
const CENTER = code('12320113MB0XKX001');
const ENTERPRISE = code('91320113MA1XKX101');

type Row = Partial<Record<'机构名称*' | '类型*' | '统一社会信用代码' | '简称' | '英文名称' | '行政区划代码' | '地址' | '高新技术企业' | '专精特新' | '重点监测企业', string>>;

/** A real .xlsx filled in from the template, as an operator would. */
async function sheet(rows: Row[]): Promise<Buffer> {
  return fillTemplate(await organizationTemplate(), rows);
}

describe('orgs:import: reference organizations from an .xlsx', () => {
  let t: TestApp;
  let dataSource: DataSource;
  const count = async (): Promise<number> => Number((await dataSource.query(`SELECT count(*) AS n FROM organization`))[0].n);
  const audits = async (): Promise<Array<{ action: string; subject_label: string; details: Record<string, unknown> }>> =>
    dataSource.query(`SELECT action, subject_label, details FROM audit_log WHERE subject_type = 'organization' ORDER BY created_at, subject_label`);
  const run = async (rows: Row[], options: { update?: boolean; dryRun?: boolean } = {}) =>
    importOrganizations(dataSource, await readOrganizationRows(await sheet(rows), LIMITS), { source: 'orgs.xlsx', ...options });

  beforeAll(async () => {
    t = await startTestApp();
    dataSource = t.app.get(DataSource);
  }, 180_000);
  afterAll(() => t?.close());

  it('offers a template with Chinese headings, notes and a help sheet', async () => {
    const workbook = await readXlsx(await organizationTemplate());
    const headers = (workbook.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers).toEqual(['机构名称*', '类型*', '统一社会信用代码', '简称', '英文名称', '行政区划代码', '地址', '高新技术企业', '专精特新', '重点监测企业']);
    expect(workbook.worksheets[1]!.name).toBe('填写说明');
  });

  it('refuses a file with bad rows: every error by row and column in zh-CN and en, and stores nothing', async () => {
    const before = await count();
    const report = await run([
      { '机构名称*': '栖霞区科技成果转化服务中心', '类型*': '技术转移机构', 统一社会信用代码: CENTER },
      { '机构名称*': '南京某某科技有限公司', '类型*': '企业', 统一社会信用代码: `${ENTERPRISE.slice(0, 17)}${ENTERPRISE.endsWith('0') ? '1' : '0'}` },
      { '机构名称*': '某研究所', '类型*': '研究所' },
      { '机构名称*': '南京另一科技有限公司', '类型*': '企业' },
      { '机构名称*': '栖霞区科技成果转化服务中心二部', '类型*': '技术转移机构', 统一社会信用代码: CENTER },
      { '机构名称*': '栖霞区科技成果转化服务中心', '类型*': '高校', 行政区划代码: '32011' },
      { '机构名称*': '南京第三科技有限公司', '类型*': '企业', 统一社会信用代码: code('91320113MA1XKX103'), 高新技术企业: '也许' },
    ]);
    expect(report.created).toEqual([]);
    expect(report.errors.map((e) => [e.row, e.column, e.constraint])).toEqual([
      [3, '统一社会信用代码', 'isCreditCode'],
      [4, '类型', 'isIn'],
      [5, '统一社会信用代码', 'isCreditCode'],
      [6, '统一社会信用代码', 'duplicateInFile'],
      [7, '行政区划代码', 'isAreaCode'],
      [8, '高新技术企业', 'isBoolean'],
    ]);
    const lines = report.errors.map(describeRowError);
    expect(lines[0]).toBe(
      '第 3 行【统一社会信用代码】不是有效的统一社会信用代码（18 位，校验位须符合 GB 32100-2015） / row 3, 统一社会信用代码 (creditCode): is not a valid unified social credit code (18 characters with a GB 32100-2015 check character)',
    );
    expect(lines[1]).toContain('高校, 科研院所, 企业, 技术转移机构');
    expect(lines[3]).toContain('与第 2 行重复');
    expect(lines[3]).toContain('repeats row 2');
    // Row 2 was good, and is not stored either: all or nothing.
    expect(await count()).toBe(before);
    expect(await audits()).toEqual([]);
  });

  it('reports a name given twice in one file', async () => {
    const report = await run([
      { '机构名称*': '南京重复科技有限公司', '类型*': '企业', 统一社会信用代码: ENTERPRISE },
      { '机构名称*': '南京重复科技有限公司', '类型*': '企业', 统一社会信用代码: code('91320113MA1XKX102') },
    ]);
    expect(report.errors.map((e) => [e.row, e.field, e.constraint, e.args])).toEqual([[3, 'nameZh', 'duplicateInFile', [2]]]);
  });

  it('stores a good file whole, audited, and the organizations are listed', async () => {
    const report = await run([
      { '机构名称*': '栖霞区科技成果转化服务中心', '类型*': '技术转移机构', 统一社会信用代码: CENTER.toLowerCase(), 简称: '区转化中心', 地址: '南京市栖霞区' },
      { '机构名称*': '南京某某科技有限公司', '类型*': 'ENTERPRISE', 统一社会信用代码: ENTERPRISE, 高新技术企业: '是', 重点监测企业: 'yes' },
      { '机构名称*': '南京某研究院', '类型*': 'Research institute', 行政区划代码: '320102' },
    ]);
    expect(report.errors).toEqual([]);
    expect(report.created.map((o) => [o.row, o.nameZh])).toEqual([
      [2, '栖霞区科技成果转化服务中心'],
      [3, '南京某某科技有限公司'],
      [4, '南京某研究院'],
    ]);
    const listed = (await t.http.get('/api/organizations?limit=100').expect(200)).body.items as Array<{ id: string; nameZh: string; kind: string; areaCode: string; verified: boolean }>;
    expect(listed).toHaveLength(3);
    expect(listed.map((o) => [o.nameZh, o.kind, o.areaCode, o.verified])).toEqual(expect.arrayContaining([
      ['南京某研究院', 'INSTITUTE', '320102', true],
      ['南京某某科技有限公司', 'ENTERPRISE', '320113', true],
      ['栖霞区科技成果转化服务中心', 'AGENCY', '320113', true],
    ]));
    const center = (await t.http.get(`/api/organizations/${report.created[0]!.id}`).expect(200)).body;
    expect(center).toMatchObject({ creditCode: CENTER, shortName: '区转化中心', address: '南京市栖霞区', isHighTech: false });
    const enterprise = (await t.http.get(`/api/organizations/${report.created[1]!.id}`).expect(200)).body;
    expect(enterprise).toMatchObject({ isHighTech: true, isKeyMonitored: true, isSpecialized: false });
    // Found by pinyin initials like any organization.
    expect((await t.http.get('/api/organizations').query({ q: 'qxqkjcgzhfwzx' }).expect(200)).body.total).toBe(1);
    const trail = await audits();
    expect(trail).toHaveLength(3);
    expect(trail[0]).toMatchObject({ action: 'ORGANIZATION_CREATED', details: { via: 'import', source: 'orgs.xlsx' } });
  });

  it('leaves existing organizations (same credit code, or same name without one) as they are; --update overwrites them, audited', async () => {
    const again = await run([
      { '机构名称*': '栖霞区科技成果转化服务中心（新名）', '类型*': '技术转移机构', 统一社会信用代码: CENTER, 地址: '南京市栖霞区仙林大道1号' },
      { '机构名称*': '南京某研究院', '类型*': '科研院所', 英文名称: 'Nanjing Some Institute' },
    ]);
    expect(again.errors).toEqual([]);
    expect(again.created).toEqual([]);
    expect(again.unchanged.map((o) => o.nameZh)).toEqual(['栖霞区科技成果转化服务中心', '南京某研究院']);

    const before = await count();
    const updated = await run(
      [
        { '机构名称*': '栖霞区科技成果转化服务中心（新名）', '类型*': '技术转移机构', 统一社会信用代码: CENTER, 地址: '南京市栖霞区仙林大道1号' },
        { '机构名称*': '南京某研究院', '类型*': '科研院所', 英文名称: 'Nanjing Some Institute' },
      ],
      { update: true },
    );
    expect(updated.errors).toEqual([]);
    expect(updated.updated.map((o) => o.nameZh)).toEqual(['栖霞区科技成果转化服务中心（新名）', '南京某研究院']);
    expect(await count()).toBe(before);
    const center = (await t.http.get(`/api/organizations/${updated.updated[0]!.id}`).expect(200)).body;
    // Cells left empty keep their values (the short name stays).
    expect(center).toMatchObject({ nameZh: '栖霞区科技成果转化服务中心（新名）', shortName: '区转化中心', address: '南京市栖霞区仙林大道1号', version: 2 });
    const last = (await audits()).filter((a) => a.action === 'ORGANIZATION_UPDATED');
    expect(last.map((a) => a.details['changes'])).toEqual(
      expect.arrayContaining([
        { nameZh: { from: '栖霞区科技成果转化服务中心', to: '栖霞区科技成果转化服务中心（新名）' }, address: { from: '南京市栖霞区', to: '南京市栖霞区仙林大道1号' } },
        { nameEn: { from: null, to: 'Nanjing Some Institute' } },
      ]),
    );
  });

  it('refuses a row whose name belongs to an organization with another credit code', async () => {
    const report = await run([{ '机构名称*': '南京某某科技有限公司', '类型*': '企业', 统一社会信用代码: code('91320113MA1XKX109') }]);
    expect(report.errors.map((e) => [e.row, e.constraint, e.args])).toEqual([[2, 'organizationNameTaken', [ENTERPRISE]]]);
    expect(describeRowError(report.errors[0]!)).toContain(`已有同名机构，其统一社会信用代码为 ${ENTERPRISE}`);
  });

  it('--dry-run validates against the database and stores nothing', async () => {
    const before = await count();
    const report = await run([{ '机构名称*': '南京试运行科技有限公司', '类型*': '企业', 统一社会信用代码: code('91320113MA1XKX110') }], { dryRun: true });
    expect(report).toMatchObject({ errors: [], dryRun: true });
    expect(report.created).toHaveLength(1);
    expect(await count()).toBe(before);
  });

  it('--qixia: the bundled list has no invented credit codes, and importing it twice changes nothing the second time', async () => {
    for (const entry of QIXIA_ORGANIZATIONS) expect(entry['creditCode'] ?? '').toBe('');
    const before = await count();
    const first = await importOrganizations(dataSource, qixiaRows(), { source: 'qixia' });
    expect(first.errors).toEqual([]);
    expect(first.created.map((o) => o.nameZh)).toContain('南京邮电大学');
    expect(await count()).toBe(before + QIXIA_ORGANIZATIONS.length);
    const second = await importOrganizations(dataSource, qixiaRows(), { source: 'qixia' });
    expect(second).toMatchObject({ errors: [], created: [], updated: [] });
    expect(second.unchanged).toHaveLength(QIXIA_ORGANIZATIONS.length);
    expect(await count()).toBe(before + QIXIA_ORGANIZATIONS.length);
    const universities = (await t.http.get('/api/organizations?kind=UNIVERSITY&limit=100').expect(200)).body;
    expect(universities.total).toBe(QIXIA_ORGANIZATIONS.length);
  });

  // The command itself (from source through SWC; the production spec runs the built one, --qixia included).
  // It needs a database another process can open: PostgreSQL.
  (onPostgres() ? it : it.skip)('the command prints the errors in both languages, exits 1 and stores nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xkx-orgs-'));
    const file = join(dir, '机构.xlsx');
    writeFileSync(file, await sheet([{ '机构名称*': '南京命令行科技有限公司', '类型*': '企业' }]));
    const before = await count();
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/ops/cli.ts', 'orgs:import', ...args], {
        cwd: WORKSPACE_ROOT,
        env: { PATH: process.env.PATH ?? '', SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json', DATABASE_URL: t.databaseUrl!, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      });
    const bad = cli([file]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('1 处错误，未导入任何机构 / 1 error(s), nothing was imported');
    expect(bad.stderr).toContain('第 2 行【统一社会信用代码】');
    expect(bad.stderr).toContain('row 2, 统一社会信用代码 (creditCode): is not a valid unified social credit code');
    expect(await count()).toBe(before);
    const usage = cli(['--update']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('npm run orgs:import -- FILE.xlsx');
  }, 180_000);
});

describe('orgs:import: the template from the organizations page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
  }, 180_000);
  afterAll(() => t?.close());

  it('GET /api/organizations/import-template gives administrators the same template as the command', async () => {
    const admin = await loginDemo(t.http, 'admin');
    const res = await t.http.get('/api/organizations/import-template').set(...bearer(admin)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('机构导入模板.xlsx'));
    const headers = ((await readXlsx(res.body as Buffer)).worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers[0]).toBe('机构名称*');
    const broker = await loginDemo(t.http, 'broker');
    await t.http.get('/api/organizations/import-template').set(...bearer(broker)).expect(403);
  });
});

function onPostgres(): boolean {
  return !!process.env.DATABASE_URL;
}
