import { addCalendarDays, shanghaiDate } from '@xkx/util';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO, openManagePage, signIn } from '../support/accounts';
import { apiGet, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { signNdaInDialog } from '../support/nda';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

/**
 * The NDA as a document (issue 12): an enterprise reads the text in the dialog, confirms and signs, and the
 * panel shows its signature record; an administrator publishes a new version (the signature keeps v1); the
 * result's owner and the deal's broker see the enterprise's view of the confidential layer in 查阅记录.
 */

const TITLE = '钠离子电池硬碳负极低温预锂化技术';
const SECRET = '【保密】预锂化溶液配比与浸渍时间见工艺卡 HC-07';
const ENTERPRISE_ORG = '南京栖霞新能源科技有限公司';

async function api<T>(baseUrl: string, token: string, method: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

function resultPayload(): Record<string, unknown> {
  return {
    title: TITLE,
    valueProposition: '-20 ℃ 下首次库伦效率提升至 92%，适用于寒区储能',
    publicSummary: '以低温溶液法对硬碳负极进行可控预锂化，补偿首次不可逆容量损失，提升钠离子电池低温性能与循环寿命。',
    confidentialDetail: SECRET,
    problemSolved: '硬碳负极首次库伦效率低、低温性能差',
    advantages: '首次库伦效率由 78% 提升至 92%',
    indicators: [{ name: '首次库伦效率', value: '92', unit: '%' }],
    applications: '储能电站、低速电动车',
    fieldCodes: ['NE.BAT'],
    keywords: ['钠离子电池', '硬碳', '预锂化'],
    form: 'NEW_PROCESS',
    trl: 5,
    stage: 'PILOT',
    ipAssets: [],
    owners: [{ name: '南京大学', sharePercent: 100 }],
    inventors: ['张教授'],
    serviceInvention: true,
    transferModes: ['LICENSE_EXCLUSIVE'],
    price: { negotiable: false, minFen: 50_000_000, maxFen: 80_000_000, priceType: 'INDICATIVE' },
    validUntil: addCalendarDays(shanghaiDate(), 365),
  };
}

const squeeze = async (page: Page, testId: string): Promise<string> =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describeBrowser('the NDA: read in a dialog and signed, versions published, confidential views logged', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = freshDataDir();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    // A loaded machine can take more than the default two minutes to migrate and seed.
    server = await startServer({ dataDir, timeoutMs: 300_000 });
  }, 360_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  async function desk(account: { email: string; password: string }): Promise<{ page: Page; errors: string[] }> {
    // A short viewport: the NDA text must scroll inside the dialog and the sign button stay reachable.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, account.email, account.password);
    return { page, errors };
  }

  it('signs through the dialog, keeps the signature on v1 after a new version, and shows the view to owner and broker', async () => {
    const base = server.baseUrl;
    // Setup through the API: a published result of 张教授 and a deal at 有意向 with the demo enterprise.
    const [researcherToken, enterpriseToken, brokerToken] = await Promise.all([
      apiToken(base, DEMO.researcher),
      apiToken(base, DEMO.enterprise),
      apiToken(base, DEMO.broker),
    ]);
    const result = await api<{ id: string }>(base, researcherToken, 'POST', '/api/results', resultPayload());
    await api(base, researcherToken, 'POST', `/api/results/${result.id}/submit`, {});
    await api(base, brokerToken, 'POST', `/api/results/${result.id}/approve`, {});
    const researcherMe = (await apiGet<{ id: string }>(base, researcherToken, '/api/auth/me')).body;
    const enterpriseMe = (await apiGet<{ id: string; name: string; organization: { id: string } }>(base, enterpriseToken, '/api/auth/me')).body;
    const deal = await api<{ id: string }>(base, brokerToken, 'POST', '/api/deals', {
      resultId: result.id,
      enterpriseOrgId: enterpriseMe.organization.id,
      participants: [{ userId: researcherMe.id }, { userId: enterpriseMe.id }],
    });
    for (const to of ['TRIAGE', 'INTRODUCED', 'INTERESTED']) {
      const { version } = (await apiGet<{ version: number }>(base, brokerToken, `/api/deals/${deal.id}`)).body;
      await api(base, brokerToken, 'POST', `/api/deals/${deal.id}/transitions`, { to, version, note: `移到 ${to}` });
    }
    const v1 = (await apiGet<{ version: number; textHash: string }>(base, enterpriseToken, '/api/nda/current')).body;

    // 1. The enterprise reads the NDA in the dialog, confirms and signs; the panel shows its signature.
    const { page: ent, errors: entErrors } = await desk(DEMO.enterprise);
    await ent.goto(`${base}/deals/${deal.id}`);
    await ent.getByTestId('deal-detail').waitFor();
    const shown = await signNdaInDialog(ent);
    expect(shown).toContain('保密');
    const signatures = ent.getByTestId('nda-signatures');
    await signatures.getByText(enterpriseMe.name).waitFor();
    const record = await squeeze(ent, 'nda-signatures');
    expect(record).toContain(`v${v1.version}`);
    expect(record).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(record).toContain(v1.textHash.slice(0, 12));

    // 2. Now under NDA, the enterprise reads the result's confidential layer (a logged view).
    await ent.goto(`${base}/results/${result.id}`);
    await ent.getByTestId('confidential').waitFor();
    expect(await squeeze(ent, 'confidential')).toContain(SECRET);

    // 3. The administrator publishes a new version with a reason; v1 stays listed with its hash.
    const { page: adm, errors: admErrors } = await desk(DEMO.admin);
    await openManagePage(adm, 'nav-nda-versions');
    const v1Row = adm.locator(`[data-testid="nda-version"][data-version="${v1.version}"]`);
    await v1Row.waitFor();
    expect(await v1Row.textContent()).toContain(v1.textHash.slice(0, 12));
    const body = adm.getByTestId('nda-body');
    await adm.waitForFunction(() => ((document.querySelector('[data-testid="nda-body"]') as HTMLTextAreaElement | null)?.value ?? '').length > 20);
    await body.fill(`${await body.inputValue()}\n\n第九条 保密期限自签署之日起五年。`);
    await adm.getByTestId('nda-reason').fill('明确保密期限为五年');
    await adm.getByTestId('nda-publish').click();
    await adm.getByTestId('nda-published').waitFor();
    const v2Row = adm.locator(`[data-testid="nda-version"][data-version="${v1.version + 1}"]`);
    await v2Row.waitFor();
    expect(await v2Row.textContent()).toContain('王管理');

    // The enterprise's signature keeps v1; the panel says v2 is current.
    await ent.goto(`${base}/deals/${deal.id}`);
    await ent.getByTestId('deal-detail').waitFor();
    await ent.getByTestId('nda-status').getByText(`v${v1.version + 1}`).waitFor();
    expect(await squeeze(ent, 'nda-signatures')).toContain(`v${v1.version}`);

    // 4. The result's owner sees who saw its confidential layer.
    const { page: res, errors: resErrors } = await desk(DEMO.researcher);
    await res.goto(`${base}/results/${result.id}`);
    await res.getByTestId('listing-confidential-views').getByTestId('confidential-views-toggle').click();
    const view = res.locator(`[data-testid="confidential-view"][data-viewer="${enterpriseMe.id}"]`).first();
    await view.waitFor();
    const row = ((await view.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(row).toContain(enterpriseMe.name);
    expect(row).toContain(ENTERPRISE_ORG);
    expect(row).toContain(TITLE);
    expect(row).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);

    // ... and so does the deal's broker, on the deal page.
    const { page: brk, errors: brkErrors } = await desk(DEMO.broker);
    await brk.goto(`${base}/deals/${deal.id}`);
    await brk.getByTestId('deal-confidential-views').getByTestId('confidential-views-toggle').click();
    await brk.locator(`[data-testid="confidential-view"][data-viewer="${enterpriseMe.id}"]`).first().waitFor();

    // The enterprise itself has no such panel on the result's page.
    await ent.goto(`${base}/results/${result.id}`);
    await ent.getByTestId('confidential').waitFor();
    expect(await ent.getByTestId('listing-confidential-views').count()).toBe(0);

    expect([...entErrors, ...admErrors, ...resErrors, ...brkErrors]).toEqual([]);
  });
});
