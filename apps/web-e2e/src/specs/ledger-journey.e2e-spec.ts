import { addCalendarDays, shanghaiDate } from '@xkx/util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO, openManagePage, signIn } from '../support/accounts';
import { apiGet, apiPost, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { choose, moveTo, openForm, reloadDeal, resultPayload, saveAndSettle, text, waitForStage } from '../support/deal-steps';
import { signNdaInDialog } from '../support/nda';
import { backdateNotice } from '../support/notices';
import { printToPdf, squeeze } from '../support/pdf';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

/**
 * Issue 12's "done when", as one journey through the ledger on a deal priced by agreement: the enterprise
 * signs the NDA after reading its text in the dialog; the broker agrees terms and starts the 公示; a
 * visitor objects on the portal and the broker answers (rejected); the period is made to end (the test
 * stops the server and moves the notice into the past, as the public-notices test does); the contract is
 * recorded, registered and a payment recorded with its receipt attached; the contract summary prints to a
 * PDF with its amounts; the monthly report downloaded from the dashboard lists the contract.
 * The API is used only for setup: a fresh result, the introduction, the researcher's side and the offer.
 */

const TITLE = '钠离子电池层状氧化物正极低成本制备技术';
const SECRET = '【保密】前驱体共沉淀 pH 11.2、氨水 0.6 mol/L，烧结 900 ℃ × 12 h';
// 888,888.88 元 with 8,888.88 元 of equipment: 技术交易额 880,000.00 元; one installment; one payment.
const PRICE_FEN = 88_888_888;
const AMOUNT = '888,888.88';
const COSTS = '8,888.88';
const TECHNICAL = '880,000.00';
const INSTALLMENT = '合同生效后 60 日内一次性支付许可费';
const PAYMENT = '300,000.00';
/** A 1×1 PNG: the bank's receipt, scanned. */
const RECEIPT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describeBrowser(
  'the ledger journey: NDA → 公示 with an objection → contract → receipt → PDF → monthly report',
  () => {
    let browser: Browser;
    let server: RunningServer;
    const dataDir = freshDataDir();
    const downloads = mkdtempSync(join(tmpdir(), 'xkx-ledger-downloads-'));
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      browser = await launchBrowser();
      server = await startServer({ dataDir, timeoutMs: 300_000 });
    }, 330_000);
    afterAll(async () => {
      for (const c of contexts) await c.close();
      await server?.stop();
      await browser?.close();
      removeDataDir(dataDir);
      rmSync(downloads, { recursive: true, force: true });
    });

    async function desk(account?: {
      email: string;
      password: string;
    }): Promise<{ page: Page; errors: string[] }> {
      const context = await browser.newContext({
        viewport: { width: 1400, height: 1000 },
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(server.baseUrl);
      if (account) await signIn(page, account.email, account.password);
      return { page, errors };
    }

    it(
      'takes a deal priced by agreement from the NDA through a contested 公示 to a paid contract in the monthly report',
      async () => {
        let base = server.baseUrl;
        const today = shanghaiDate();
        // Setup: a fresh published result; the enterprise asks for an introduction; the broker introduces;
        // the researcher answers interested and signs the NDA; all through the API.
        const researcherToken = await apiToken(base, DEMO.researcher);
        const enterpriseToken = await apiToken(base, DEMO.enterprise);
        let brokerToken = await apiToken(base, DEMO.broker);
        const result = await apiPost<{ id: string }>(
          base,
          researcherToken,
          '/api/results',
          resultPayload(TITLE, SECRET),
        );
        await apiPost(base, researcherToken, `/api/results/${result.id}/submit`, {});
        await apiPost(base, brokerToken, `/api/results/${result.id}/approve`, {});
        const intro = await apiPost<{ id: string; dealId: string }>(
          base,
          enterpriseToken,
          '/api/introductions',
          {
            resultId: result.id,
            message: '我司计划建设钠电正极中试线，希望了解该制备工艺的许可方式。',
          },
        );
        const dealId = intro.dealId;
        const apiMove = async (to: string): Promise<void> => {
          const deal = await apiGet<{ version: number }>(base, brokerToken, `/api/deals/${dealId}`);
          await apiPost(base, brokerToken, `/api/deals/${dealId}/transitions`, {
            to,
            version: deal.body.version,
            note: `移到 ${to}`,
          });
        };
        await apiMove('TRIAGE');
        await apiMove('INTRODUCED');
        await apiPost(base, researcherToken, `/api/introductions/${intro.id}/answer`, {
          answer: 'INTERESTED',
        });
        const nda = await apiGet<{ version: number }>(base, researcherToken, '/api/nda/current');
        await apiPost(base, researcherToken, `/api/deals/${dealId}/nda/accept`, {
          version: nda.body.version,
        });

        // 1. The enterprise reads the NDA's text in the dialog and signs it.
        const enterprise = await desk(DEMO.enterprise);
        const ent = enterprise.page;
        await ent.goto(`${base}/deals/${dealId}`);
        await ent.getByTestId('deal-detail').waitFor();
        expect(await signNdaInDialog(ent)).toContain('保密');

        // 2. The broker: NDA signed, negotiation; the parties agree a price (setup); terms agreed and, the
        // price being by agreement, the 15-day 公示 starts with the move.
        const broker = await desk(DEMO.broker);
        const brk = broker.page;
        await brk.goto(`${base}/deals/${dealId}`);
        await brk.getByTestId('deal-detail').waitFor();
        await brk.getByTestId('notice-required').waitFor();
        await moveTo(brk, 'NDA_SIGNED', '双方均已签署保密协议');
        await moveTo(brk, 'NEGOTIATING', '安排尽调与报价');
        const offer = await apiPost<{ id: string }>(base, enterpriseToken, `/api/deals/${dealId}/offers`, {
          priceFen: PRICE_FEN,
          terms: '专利普通实施许可 3 年，一次性支付',
        });
        await apiPost(base, researcherToken, `/api/deals/${dealId}/offers/${offer.id}/accept`, {
          note: '同意',
        });
        await reloadDeal(brk);
        await moveTo(brk, 'TERMS_AGREED', '价格与付款方式已达成一致');
        await moveTo(brk, 'PUBLIC_NOTICE', '协议定价，开始公示 15 日');
        await brk.getByTestId('print-notice').waitFor();

        // 3. A visitor finds the notice on the portal and objects.
        const notices = (await (await fetch(`${base}/api/public-notices`)).json()) as {
          items: Array<{ id: string; dealId: string }>;
        };
        const noticeId = notices.items.find((n) => n.dealId === dealId)!.id;
        const visitor = await desk();
        const v = visitor.page;
        await v.getByTestId('nav-notices').click();
        const item = v.locator(`[data-testid="notice-item"][data-id="${noticeId}"]`);
        expect(await item.getByTestId('notice-price').textContent()).toContain(`${AMOUNT} 元`);
        expect(await item.getByTestId('notice-pricing').textContent()).toContain('协议定价');
        await item.getByTestId('notice-link').click();
        await v.getByTestId('notice-detail').waitFor();
        await v.getByTestId('objection-name').fill('王某');
        await v.getByTestId('objection-contact').fill('wang@example.com');
        await v
          .getByTestId('objection-body')
          .fill('该技术的部分工艺参数与本公司已公开的专利申请相近，请核实权属。');
        await v.getByTestId('objection-send').click();
        await v.getByTestId('objection-receipt').waitFor();
        // The first desks are done: closed before the server goes away (their polling would log errors).
        for (const { errors } of [enterprise, broker, visitor]) {
          expect(errors.filter((e) => !/the server responded with a status of 4\d\d/.test(e))).toEqual([]);
        }
        for (const c of contexts.splice(0)) await c.close();

        // The period cannot be waited out: stop, move the notice into the past, start again (a new port,
        // so the broker signs in again).
        await server.stop();
        backdateNotice(dataDir, dealId);
        server = await startServer({ dataDir, timeoutMs: 300_000 });
        base = server.baseUrl;
        brokerToken = await apiToken(base, DEMO.broker);

        // 4. The broker answers the objection on the deal page: rejected.
        const broker2 = await desk(DEMO.broker);
        const b = broker2.page;
        await b.goto(`${base}/deals/${dealId}`);
        await b.getByTestId('deal-detail').waitFor();
        const objection = b.locator('[data-testid="objection"][data-decision="OPEN"]', { hasText: '王某' });
        await objection.locator('mat-radio-button[data-decision="REJECTED"] label').click();
        await objection
          .getByTestId('objection-answer-text')
          .fill('经核实，所涉专利申请与本成果技术方案不同，异议不成立。');
        await objection.getByTestId('objection-answer-send').click();
        await b
          .locator('[data-testid="objection"][data-decision="REJECTED"]', { hasText: '异议不成立' })
          .waitFor();

        // 5. The contract, entered through the form: signed today, after the period and the answer, so the
        // deal moves to 合同已签订 with it.
        await b.getByTestId('contract-new').click();
        await b.getByTestId('contract-form').waitFor();
        expect(await b.getByTestId('c-amount').inputValue()).toBe('888888.88');
        await choose(b, 'c-type', 'data-code="LICENSE.PATENT"');
        await b.getByTestId('c-contract-no').fill('NJU-2026-XK-0123');
        await b.getByTestId('c-term-end').fill(addCalendarDays(today, 3 * 365));
        await b.getByTestId('c-seller-credit-code').fill('12100000466006770Q');
        await b.getByTestId('c-non-technical').fill(COSTS);
        expect(await text(b, 'c-technical')).toBe(`${TECHNICAL} 元`);
        await b.getByTestId('c-investment').fill('2,000,000');
        await b.getByTestId('c-output').fill('10,000,000');
        await b.getByTestId('c-add-installment').click();
        await b.getByTestId('c-installment-due-0').fill(addCalendarDays(today, 60));
        await b.getByTestId('c-installment-amount-0').fill(AMOUNT);
        await b.getByTestId('c-installment-description-0').fill(INSTALLMENT);
        await saveAndSettle(b, 'c-save');
        await b.getByTestId('contract-details').waitFor();
        await waitForStage(b, 'CONTRACT_SIGNED');

        // Registered (the monthly report counts registered contracts), with a number of this year.
        const number = `${today.slice(0, 4)}320113${String(Date.now() % 1_000_000).padStart(6, '0')}`;
        await openForm(b, 'registration-edit', 'r-status');
        await choose(b, 'r-extra-technicalField', 'data-value="新能源与高效节能"');
        await choose(b, 'r-extra-ipType', 'data-value="发明专利"');
        await saveAndSettle(b, 'r-save');
        await b.locator('[data-testid="registration"][data-status="SUBMITTED"]').waitFor();
        await openForm(b, 'registration-edit', 'r-number');
        await b.getByTestId('r-number').fill(number);
        await saveAndSettle(b, 'r-save');
        await b.locator('[data-testid="registration"][data-status="REGISTERED"]').waitFor();

        // 6. A payment, and the bank's receipt attached to it: listed, and it downloads as the same file.
        await openForm(b, 'payment-new', 'p-amount');
        await b.getByTestId('p-amount').fill(PAYMENT);
        await b.getByTestId('p-evidence').fill('中国银行回单 No. 2026-0123');
        await b.getByTestId('p-save').click();
        await b.getByTestId('payment-row').first().waitFor();
        const files = b.getByTestId('payment-attachments');
        await files.getByTestId('attachment-file').setInputFiles({
          name: '到账回单.png',
          mimeType: 'image/png',
          buffer: RECEIPT_PNG,
        });
        await files.getByTestId('attachment-upload').click();
        const receipt = files.locator('[data-testid="attachment-item"]', { hasText: '到账回单.png' });
        await receipt.waitFor();
        const [file] = await Promise.all([
          b.waitForEvent('download'),
          receipt.getByTestId('attachment-download').click(),
        ]);
        const saved = join(downloads, 'receipt.png');
        await file.saveAs(saved);
        expect(readFileSync(saved).equals(RECEIPT_PNG)).toBe(true);

        // 7. The contract summary, printed to PDF: its three amounts and the installment.
        const deal = await apiGet<{ contracts: Array<{ id: string }> }>(
          base,
          brokerToken,
          `/api/deals/${dealId}`,
        );
        const contractId = deal.body.contracts[0]!.id;
        const contract = await apiGet<{ code: string }>(base, brokerToken, `/api/contracts/${contractId}`);
        // Linked by its code (issue 17).
        expect(await b.getByTestId('print-contract').getAttribute('href')).toBe(
          `/print/contracts/${contract.body.code}`,
        );
        await b.goto(`${base}/print/contracts/${contract.body.code}`);
        await b.locator('[data-testid="print-document"][data-kind="contract"]').waitFor();
        const summary = await printToPdf(b);
        for (const expected of [
          contract.body.code,
          `合同成交额${AMOUNT}元`,
          `非技术性费用${COSTS}元`,
          `技术交易额${TECHNICAL}元`,
          INSTALLMENT,
          `合计${AMOUNT}元`,
        ]) {
          expect(summary.text).toContain(squeeze(expected));
        }

        // 8. The monthly report for this month, downloaded from the dashboard, lists the contract.
        await b.goto(base);
        await openManagePage(b, 'nav-kpis');
        await b.waitForURL('**/manage/kpis');
        await b.getByTestId('kpi-monthly-month').fill(today.slice(0, 7));
        const [report] = await Promise.all([
          b.waitForEvent('download'),
          b.getByTestId('kpi-monthly-report').click(),
        ]);
        expect(report.suggestedFilename()).toBe(`栖霞区技术转移工作月报-${today.slice(0, 7)}.xlsx`);
        const path = join(downloads, 'monthly.xlsx');
        await report.saveAs(path);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path);
        const sheet = workbook.getWorksheet('本月合同明细')!;
        const rows: unknown[][] = [];
        sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
        const row = rows.find((r) => r[1] === contract.body.code);
        expect(row).toBeDefined();
        // 合同成交额 and 技术交易额 in 万元 (two decimals); 实际到账 30.00.
        expect(row!.slice(8, 11)).toEqual([88.89, 88, 30]);

        // 9. A correction after registration is an amendment; the audit page shows the amount before → after.
        const current = await apiGet<{ version: number }>(base, brokerToken, `/api/contracts/${contractId}`);
        await apiPost(base, brokerToken, `/api/contracts/${contractId}/amendments`, {
          version: current.body.version,
          effectiveOn: today,
          reason: '补充协议：增加中试服务',
          contractAmountFen: 100_000_000,
        });
        const auditor = (await desk(DEMO.admin)).page;
        await openManagePage(auditor, 'nav-audit-log');
        await auditor.waitForURL('**/manage/audit-log');
        await auditor.getByTestId('audit-subject').fill(contract.body.code);
        await auditor.getByTestId('audit-apply').click();
        const change = auditor.getByTestId('audit-change').filter({ hasText: '1,000,000.00' }).first();
        await change.waitFor();
        expect(squeeze((await change.textContent()) ?? '')).toBe(squeeze(`合同成交额：${AMOUNT} 元 → 1,000,000.00 元`));

        expect(broker2.errors.filter((e) => !/the server responded with a status of 4\d\d/.test(e))).toEqual(
          [],
        );
      },
      // Two server starts and four desks on a shared CI machine.
      420_000,
    );
  },
);
