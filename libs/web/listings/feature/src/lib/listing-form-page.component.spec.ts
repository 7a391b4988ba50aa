import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ErrorBody, FieldNode, NeedInput, ResultDetail } from '@xkx/contracts';
import { domTesting } from '@xkx/web/ui/testing';
import { ListingFormPageComponent } from './listing-form-page.component';

// The listing form as a researcher or an enterprise uses it: a need created from scratch, a published
// result edited. What the page shows (Chinese messages, the back-to-review notice, the API's errors) and
// what it sends (POST with the whole body, PATCH with the changed keys and the version; money typed in 万元
// and sent in integer fen).

const FIELDS: FieldNode[] = [
  {
    code: 'NE',
    parentCode: null,
    nameZh: '新能源',
    nameEn: 'New energy',
    sort: 1,
    active: true,
    children: [],
  } as unknown as FieldNode,
];
const RESULT_ID = 'b0000000-0000-4000-8000-000000000001';
const NEED_ID = 'c0000000-0000-4000-8000-000000000001';
// What patchForm reads of a result, and the page's id, version and status.
const RESULT = {
  id: RESULT_ID,
  version: 3,
  status: 'PUBLISHED',
  title: '高安全锂电池隔膜',
  valueProposition: '热收缩率降低一半',
  publicSummary: '一种陶瓷涂覆的锂电池隔膜，耐热到二百摄氏度，适合动力电池。',
  confidentialDetail: null,
  problemSolved: '隔膜高温收缩导致短路',
  advantages: '耐热、成本低',
  applications: '动力电池',
  indicators: [],
  fieldCodes: ['NE'],
  keywords: ['隔膜', '锂电池'],
  validUntil: '2027-06-30',
  form: 'NEW_PRODUCT',
  trl: 6,
  stage: 'PILOT',
  ipAssets: [],
  owners: [{ name: '南京大学', sharePercent: 100 }],
  inventors: ['张三'],
  serviceInvention: true,
  transferModes: ['TRANSFER'],
  price: { negotiable: false, minFen: 50_000_000, maxFen: 120_500_000, priceType: 'INDICATIVE' },
  management: null,
} as unknown as ResultDetail;

describe('ListingFormPageComponent', () => {
  let fixture: ComponentFixture<ListingFormPageComponent>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  const { el, byId, text, errorOf, type, click } = domTesting(() => fixture);
  /** Opens a mat-select and clicks the option that reads `label` (options live in the overlay). */
  async function choose(id: string, label: string) {
    await click(byId(id).querySelector<HTMLElement>('.mat-mdc-select-trigger')!);
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (o) => text(o) === label,
    );
    if (!option) throw new Error(`no option ${label}`);
    await click(option);
    document.querySelector<HTMLElement>('.cdk-overlay-backdrop')?.click(); // a multiple select stays open
    await fixture.whenStable();
  }

  async function open(segment: 'results' | 'needs', id?: string) {
    localStorage.setItem('xkx.locale', 'zh-CN');
    TestBed.configureTestingModule({
      imports: [ListingFormPageComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ListingFormPageComponent);
    fixture.componentRef.setInput('segment', segment);
    if (id) fixture.componentRef.setInput('id', id);
    TestBed.tick();
    http.expectOne('/api/fields').flush(FIELDS);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  describe('a new need', () => {
    it('says what is missing, in Chinese, and sends nothing', async () => {
      await open('needs');
      await type('f-title', '隔膜');
      await click(byId('save-draft'));
      expect(errorOf('f-title')).toBe('至少 4 个字符');
      expect(errorOf('f-public-summary')).toBe('必填');
      expect(errorOf('f-problem')).toBe('必填');
      expect(text(byId('modes-error'))).toBe('必填');
      expect(text(byId('form-error'))).toBe('请先修正标红的字段。');
      http.expectNone((r) => r.method === 'POST');
    });

    it('posts the whole body with the budget and bounty typed in 万元 sent in integer fen', async () => {
      await open('needs');
      await type('f-title', '动力电池隔膜耐高温');
      await type('f-public-summary', '寻求能在二百摄氏度下不收缩的锂电池隔膜技术，用于动力电池量产。');
      await type('f-problem', '现有隔膜高温收缩');
      await type('f-must-haves', '耐热 200℃\n\n厚度 ≤ 12 μm');
      await type('f-keywords', '隔膜，锂电池、 耐高温');
      await choose('f-fields', '新能源');
      await choose('f-need-type', '技术攻关');
      await click(byId('f-modes').querySelector<HTMLElement>('mat-checkbox[data-mode="TRANSFER"] input')!);
      await click(byId('f-negotiable').querySelector<HTMLElement>('button[role="switch"]')!);
      await type('f-min-wan', '120.5');
      await type('f-max-wan', '50');
      expect(errorOf('f-max-wan')).toBe('最高值不能低于最低值');
      // 1.005 × 1,000,000 is 1004999.9999999999 in floating point: the fen must come from the text.
      await type('f-min-wan', '1.005');
      expect(errorOf('f-max-wan')).toBe('');
      await type('f-bounty', '3.25');
      await click(byId('save-draft'));

      const post = http.expectOne({ method: 'POST', url: '/api/needs' });
      expect(byId<HTMLButtonElement>('save-draft').disabled).toBe(true);
      const body = post.request.body as NeedInput;
      expect(body).toMatchObject<Partial<NeedInput>>({
        title: '动力电池隔膜耐高温',
        problem: '现有隔膜高温收缩',
        mustHaves: ['耐热 200℃', '厚度 ≤ 12 μm'],
        keywords: ['隔膜', '锂电池', '耐高温'],
        fieldCodes: ['NE'],
        needType: 'TECH_BREAKTHROUGH',
        cooperationModes: ['TRANSFER'],
        budget: { negotiable: false, minFen: 1_005_000, maxFen: 50_000_000 },
        bountyFen: 3_250_000,
        anonymous: false,
      });
      expect(body).not.toHaveProperty('price');
      post.flush({ ...RESULT, id: NEED_ID, version: 1, status: 'DRAFT' });
      await fixture.whenStable();
      expect(navigate).toHaveBeenCalledWith(['/workspace', 'needs', NEED_ID, 'edit'], { replaceUrl: true });
    });
  });

  describe('a published result', () => {
    async function openResult() {
      await open('results', RESULT_ID);
      http.expectOne(`/api/results/${RESULT_ID}`).flush(RESULT);
      await fixture.whenStable();
    }

    it('is filled from the API, price in 万元', async () => {
      await openResult();
      expect(byId('f-title').value).toBe('高安全锂电池隔膜');
      expect(byId('f-keywords').value).toBe('隔膜、锂电池');
      expect(byId('f-min-wan').value).toBe('50');
      expect(byId('f-max-wan').value).toBe('120.5');
      expect(el().querySelector('[data-testid="material-warning"]')).toBeNull();
      expect(el().querySelector('[data-testid="save-submit"]')).toBeNull(); // published: saved, not submitted
    });

    it('patches only what changed, with the version read; a material change warns it goes back to review', async () => {
      await openResult();
      await type('f-keywords', '隔膜、锂电池、陶瓷涂覆');
      expect(el().querySelector('[data-testid="material-warning"]')).toBeNull();
      await type('f-max-wan', '120.6');
      expect(text(byId('material-warning'))).toContain('审核');
      await click(byId('save-draft'));
      const patch = http.expectOne({ method: 'PATCH', url: `/api/results/${RESULT_ID}` });
      expect(patch.request.body).toEqual({
        keywords: ['隔膜', '锂电池', '陶瓷涂覆'],
        price: { negotiable: false, minFen: 50_000_000, maxFen: 120_600_000, priceType: 'INDICATIVE' },
        version: 3,
      });
      patch.flush({ version: 4, status: 'PENDING_REVIEW' });
      await fixture.whenStable();
      expect(navigate).not.toHaveBeenCalled();
    });

    it('shows the API’s field errors next to their fields, and the others by their label', async () => {
      await openResult();
      await type('f-title', '高安全陶瓷涂覆锂电池隔膜');
      await click(byId('save-draft'));
      const body: ErrorBody = {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误，请检查标出的字段',
        errors: [
          { field: 'title', message: '与已发布的成果重名' },
          { field: 'price.maxFen', message: '超过可填写的上限' },
          { field: 'ipAssets.0.number', message: '专利号已被另一成果登记' },
        ],
      };
      http
        .expectOne({ method: 'PATCH', url: `/api/results/${RESULT_ID}` })
        .flush(body, { status: 400, statusText: 'Bad Request' });
      await fixture.whenStable();
      expect(errorOf('f-title')).toBe('与已发布的成果重名');
      expect(errorOf('f-max-wan')).toBe('超过可填写的上限');
      expect(errorOf('f-min-wan')).toBe('');
      expect(text(byId('form-error'))).toContain('提交的数据有误，请检查标出的字段');
      // No IP row on the form: the error is named by its field's label above the form.
      expect(text(byId('form-error-item'))).toBe('知识产权： 专利号已被另一成果登记');
      expect(byId<HTMLButtonElement>('save-draft').disabled).toBe(false);
    });
  });
});
