import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { KpiTargets, KpiTargetsBody, OrganizationSummary } from '@xkx/contracts';
import { KpiTargetsPageComponent } from './kpi-targets-page.component';
import { domTesting } from '@xkx/web/ui/testing';

// The targets page as a manager uses it: the year's targets and the institution list come from the API,
// the form is typed into, and the PUT body is what the API receives (amounts in integer fen).

const YEAR = Number(
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);
const TSINGHUA = 'a0000000-0000-4000-8000-000000000001';
const PKU = 'a0000000-0000-4000-8000-000000000002';

const targets = (over: Partial<KpiTargets> = {}): KpiTargets => ({
  year: YEAR,
  projects: 165,
  contractAmountFen: 840_000_000_000,
  isDefault: true,
  institutions: [],
  ...over,
});
const institutions = [
  { id: TSINGHUA, nameZh: '清华大学' },
  { id: PKU, nameZh: '北京大学' },
] as OrganizationSummary[];

describe('KpiTargetsPageComponent', () => {
  let fixture: ComponentFixture<KpiTargetsPageComponent>;
  let http: HttpTestingController;
  const el = () => fixture.nativeElement as HTMLElement;
  const q = <T extends Element = HTMLElement>(selector: string) =>
    el().querySelector<T & Element>(selector) as T;
  const text = (selector: string) => q(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  const { type } = domTesting(() => fixture);
  async function save() {
    q<HTMLButtonElement>('[data-testid="targets-save"]').click();
    await fixture.whenStable();
  }
  /** The mat-form-field around an input: where its error is shown. */
  const fieldOf = (input: Element) =>
    input.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? '';

  async function open(current = targets()) {
    localStorage.setItem('xkx.locale', 'zh-CN');
    TestBed.configureTestingModule({
      imports: [KpiTargetsPageComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(KpiTargetsPageComponent);
    TestBed.tick(); // renders and starts the resources' requests (whenStable waits for their answers)
    http
      .expectOne((r) => r.url === '/api/kpis/targets' && r.params.get('year') === String(YEAR))
      .flush(current);
    // The tabs ask for the same list (a manager's institution tab); both get it.
    for (const r of http.match((r) => r.url === '/api/organizations'))
      r.flush({ items: institutions, total: 2 });
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('fills the form with the year’s targets and one row per university or institute', async () => {
    await open(
      targets({
        isDefault: false,
        institutions: [
          { organizationId: PKU, name: '北京大学', projects: 12, contractAmountFen: 150_000_000 },
        ],
      }),
    );
    expect(q('[data-testid="targets-current"]').getAttribute('data-default')).toBe('false');
    expect(text('[data-testid="targets-current"]')).toContain('管理员已设定');
    expect(q<HTMLInputElement>('[data-testid="targets-projects"]').value).toBe('165');
    expect(q<HTMLInputElement>('[data-testid="targets-amount"]').value).toBe('8400000000');
    const rows = Array.from(el().querySelectorAll('[data-testid="targets-institution-row"]'));
    expect(rows.map((r) => r.querySelector('th')?.textContent?.trim())).toEqual(['清华大学', '北京大学']);
    expect(rows[0].querySelector<HTMLInputElement>('[data-testid="target-row-projects"]')?.value).toBe('');
    expect(rows[1].querySelector<HTMLInputElement>('[data-testid="target-row-projects"]')?.value).toBe('12');
    expect(rows[1].querySelector<HTMLInputElement>('[data-testid="target-row-amount"]')?.value).toBe(
      '1500000',
    );
  });

  it('shows what is wrong next to each field, in Chinese, and sends nothing', async () => {
    await open();
    await type(q('[data-testid="targets-amount"]'), '12.345');
    await type(q('[data-testid="targets-projects"]'), '');
    const row = el().querySelectorAll('[data-testid="targets-institution-row"]')[0];
    await type(row.querySelector<HTMLInputElement>('[data-testid="target-row-projects"]')!, '3');
    await save();
    expect(fieldOf(q('[data-testid="targets-amount"]'))).toBe('金额最多精确到分（两位小数）');
    expect(fieldOf(q('[data-testid="targets-projects"]'))).toBe('必填');
    expect(row.querySelector('[data-testid="target-row-pair"]')?.textContent?.trim()).toBe(
      '项目数和合同成交额请同时填写，或同时留空',
    );
    expect(text('[data-testid="targets-error"]')).toBe('请先修正标红的字段。');
    http.expectNone('/api/kpis/targets');
  });

  it('sends the year, the district target and the filled rows, amounts in integer fen', async () => {
    await open();
    await type(q('[data-testid="targets-projects"]'), '170');
    await type(q('[data-testid="targets-amount"]'), '1.5亿');
    const row = el().querySelectorAll('[data-testid="targets-institution-row"]')[1];
    await type(row.querySelector<HTMLInputElement>('[data-testid="target-row-projects"]')!, '4');
    // 1234.57 × 100 is 123456.99999999999 in floating point: the fen must come from the text.
    await type(row.querySelector<HTMLInputElement>('[data-testid="target-row-amount"]')!, '1,234.57');
    await save();

    const put = http.expectOne({ method: 'PUT', url: '/api/kpis/targets' });
    expect(put.request.body).toEqual<KpiTargetsBody>({
      year: YEAR,
      projects: 170,
      contractAmountFen: 15_000_000_000,
      institutions: [{ organizationId: PKU, projects: 4, contractAmountFen: 123_457 }],
    });
    expect(q<HTMLButtonElement>('[data-testid="targets-save"]').disabled).toBe(true);
    put.flush(targets({ projects: 170, contractAmountFen: 15_000_000_000, isDefault: false }));
    await fixture.whenStable();
    expect(q<HTMLButtonElement>('[data-testid="targets-save"]').disabled).toBe(false);
    expect(text('[data-testid="targets-saved"]')).toContain(`${YEAR}年目标已保存`);
    expect(q('[data-testid="targets-current"]').getAttribute('data-contract-fen')).toBe('15000000000');
  });

  it('puts the API’s field errors on the row they came from', async () => {
    await open();
    const row = el().querySelectorAll('[data-testid="targets-institution-row"]')[1];
    await type(row.querySelector<HTMLInputElement>('[data-testid="target-row-projects"]')!, '4');
    await type(row.querySelector<HTMLInputElement>('[data-testid="target-row-amount"]')!, '100');
    await save();
    // Row 0 is empty and not sent, so the body's institutions.0 is the form's row 1.
    http.expectOne({ method: 'PUT', url: '/api/kpis/targets' }).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '请求数据不合法',
        errors: [{ field: 'institutions.0.contractAmountFen', message: '超过区级目标' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(fieldOf(row.querySelector('[data-testid="target-row-amount"]')!)).toBe('超过区级目标');
    const first = el().querySelectorAll('[data-testid="targets-institution-row"]')[0];
    expect(fieldOf(first.querySelector('[data-testid="target-row-amount"]')!)).toBe('');
    expect(text('[data-testid="targets-error"]')).toBe('请先修正标红的字段。');
  });
});
