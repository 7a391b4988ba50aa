import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ContractInput, ContractType, FieldError } from '@xkx/contracts';
import { domTesting } from '@xkx/web/ui/testing';
import { ContractDraft, ContractFormComponent } from './contract-form.component';

// The technology-contract form as a broker fills it: amounts typed in 元 (with 万, thousands separators),
// the computed 技术交易额 and installment sum, Chinese messages next to the fields, and the body it hands to
// the page (which PUTs/POSTs it unchanged): every amount in integer fen.

const type = (
  code: string,
  nameZh: string,
  asksInvestment: boolean,
  parentCode: string | null = null,
): ContractType => ({
  code,
  parentCode,
  nameZh,
  nameEn: code,
  asksInvestment,
  sort: 0,
  active: true,
});
const TYPES = [type('DEVELOPMENT', '技术开发', false), type('TRANSFER', '技术转让', true)];
const DRAFT: ContractDraft = {
  projectName: '高安全锂电池隔膜技术转让',
  signedOn: '2026-03-01',
  seller: { name: '南京大学', creditCode: null, areaCode: '320113', legalPersonType: 'UNIVERSITY' },
  buyer: {
    name: '南京某新能源有限公司',
    creditCode: null,
    areaCode: '320115',
    legalPersonType: 'ENTERPRISE',
  },
  contractAmountFen: null,
};

@Component({
  imports: [ContractFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<xkx-contract-form
    [types]="types"
    [draft]="draft"
    [serverErrors]="errors()"
    [busy]="busy()"
    (saved)="saved.push($event)"
  />`,
})
class HostComponent {
  readonly types = TYPES;
  readonly draft = DRAFT;
  readonly errors = signal<FieldError[]>([]);
  readonly busy = signal(false);
  readonly saved: ContractInput[] = [];
}

describe('ContractFormComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  const { el, byId, text, errorOf, type, click } = domTesting(() => fixture);
  /** Opens a mat-select and clicks the option with that code (the options are in the overlay). */
  async function choose(id: string, code: string) {
    await click(byId<HTMLElement>(id).querySelector<HTMLElement>('.mat-mdc-select-trigger')!);
    const option = document.querySelector<HTMLElement>(`mat-option[data-code="${code}"]`);
    if (!option) throw new Error(`no option ${code}`);
    await click(option);
  }
  const save = () => click(byId<HTMLButtonElement>('c-save'));

  beforeEach(async () => {
    localStorage.setItem('xkx.locale', 'zh-CN');
    fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
  });

  it('computes 技术交易额 from the two amounts, exact to the fen, and refuses costs above the amount', async () => {
    expect(byId('c-project-name').value).toBe('高安全锂电池隔膜技术转让');
    await type('c-amount', '300万');
    expect(text(byId('c-technical'))).toBe('3,000,000.00 元');
    await type('c-non-technical', '50,000.50');
    expect(text(byId('c-technical'))).toBe('2,949,999.50 元');
    await type('c-non-technical', '3000000.01');
    expect(text(byId('c-technical'))).toBe('—');
    expect(errorOf('c-non-technical')).toBe('非技术性费用不能超过合同成交额');
    // Raising the amount clears the cost's error: the check follows the other field.
    await type('c-amount', '400万');
    expect(errorOf('c-non-technical')).toBe('');
    expect(text(byId('c-technical'))).toBe('999,999.99 元');
  });

  it('shows what is missing in Chinese and emits nothing', async () => {
    await type('c-amount', '12.345');
    await save();
    expect(errorOf('c-amount')).toBe('金额最多精确到分（两位小数）');
    expect(errorOf('c-term-end')).toBe('必填');
    expect(text(byId<HTMLElement>('c-type').closest('mat-form-field')?.querySelector('mat-error'))).toBe(
      '必填',
    );
    expect(text(byId('contract-form-errors'))).toBe('请先修正标红的字段。');
    expect(fixture.componentInstance.saved).toEqual([]);
  });

  it('adds installments, shows their sum and says when it differs from the contract amount', async () => {
    expect(text(byId('c-schedule'))).toContain('未约定分期付款。');
    await type('c-amount', '3,000,000');
    await click(byId<HTMLButtonElement>('c-add-installment'));
    await click(byId<HTMLButtonElement>('c-add-installment'));
    await type('c-installment-amount-0', '1000000.10');
    await type('c-installment-amount-1', '1999999.80');
    expect(text(byId('c-schedule-sum'))).toBe('各期合计：2,999,999.90 元');
    expect(text(byId('c-schedule').querySelector('[role="alert"]'))).toBe(
      '各期合计 2,999,999.90 元，与合同成交额 3,000,000.00 元不一致',
    );
    await type('c-installment-amount-1', '1999999.90');
    expect(text(byId('c-schedule-sum'))).toBe('各期合计：3,000,000.00 元');
    expect(byId('c-schedule').querySelector('[role="alert"]')).toBeNull();
  });

  it('emits the request body with every amount in integer fen, investment only for types that ask for it', async () => {
    await choose('c-type', 'TRANSFER');
    await type('c-term-end', '2027-02-28');
    await type('c-amount', '1,234,567.89');
    await type('c-non-technical', '0.29');
    await type('c-investment', '1.5亿');
    await type('c-output', '');
    await click(byId<HTMLButtonElement>('c-add-installment'));
    await type('c-installment-due-0', '2026-04-01');
    await type('c-installment-amount-0', '1234567.89');
    await type('c-installment-description-0', '签约后一次付清');
    await save();

    expect(el().querySelector('[data-testid="contract-form-errors"]')).toBeNull();
    expect(fixture.componentInstance.saved).toEqual<ContractInput[]>([
      {
        typeCode: 'TRANSFER',
        projectName: '高安全锂电池隔膜技术转让',
        signedOn: '2026-03-01',
        termStart: '2026-03-01',
        termEnd: '2027-02-28',
        seller: { name: '南京大学', creditCode: null, areaCode: '320113', legalPersonType: 'UNIVERSITY' },
        buyer: {
          name: '南京某新能源有限公司',
          creditCode: null,
          areaCode: '320115',
          legalPersonType: 'ENTERPRISE',
        },
        // 1,234,567.89 × 100 and 0.29 × 100 are not integers in floating point.
        contractAmountFen: 123_456_789,
        nonTechnicalCostFen: 29,
        expectedInvestmentFen: 15_000_000_000,
        expectedOutputFen: null,
        schedule: [{ dueOn: '2026-04-01', amountFen: 123_456_789, description: '签约后一次付清' }],
      },
    ]);

    // A type that does not ask for investment hides the fields and sends null.
    await choose('c-type', 'DEVELOPMENT');
    expect(el().querySelector('[data-testid="c-investment"]')).toBeNull();
    await save();
    expect(fixture.componentInstance.saved[1]).toMatchObject({
      typeCode: 'DEVELOPMENT',
      expectedInvestmentFen: null,
      expectedOutputFen: null,
    });
  });

  it('shows the API’s field errors next to their fields and the rest above the buttons; disables saving while busy', async () => {
    await click(byId<HTMLButtonElement>('c-add-installment'));
    fixture.componentInstance.errors.set([
      { field: 'contractAmountFen', message: '合同成交额超过登记上限' },
      { field: 'schedule.0.amountFen', message: '每期金额须大于零' },
      { field: 'seller.creditCode', message: '统一社会信用代码校验位不对' },
      { field: 'dealId', message: '撮合项目已关闭' },
    ]);
    await fixture.whenStable();
    expect(errorOf('c-amount')).toBe('合同成交额超过登记上限');
    expect(errorOf('c-installment-amount-0')).toBe('每期金额须大于零');
    expect(errorOf('c-seller-credit-code')).toBe('统一社会信用代码校验位不对');
    expect(errorOf('c-buyer-credit-code')).toBe('');
    expect(text(byId('contract-form-errors'))).toBe('撮合项目已关闭');

    expect(byId<HTMLButtonElement>('c-save').disabled).toBe(false);
    fixture.componentInstance.busy.set(true);
    await fixture.whenStable();
    expect(byId<HTMLButtonElement>('c-save').disabled).toBe(true);
    expect(text(byId('c-save'))).toBe('保存合同');
  });
});
