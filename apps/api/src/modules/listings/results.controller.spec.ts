// Controller tier (common/testing/controller-tier.ts): /api/results behind the real global guard, pipes and
// error filter, the listing facade a jest mock.
import { ErrorCode, Role } from '@xkx/contracts';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ControllerTier, startControllerTier, TierAccount } from '../../common/testing/controller-tier';
import { ListingFacade } from './listing-facade.service';
import { ResultsController } from './results.controller';

const validResult = () => ({
  title: '高镍三元正极材料表面包覆改性技术',
  valueProposition: '循环寿命提升 40%，材料成本增加不到 3%',
  publicSummary: '采用原子层沉积在高镍三元正极颗粒表面形成均匀的氧化铝包覆层，抑制电解液副反应与过渡金属溶出。',
  confidentialDetail: '包覆前驱体配比与 ALD 循环次数窗口：见附件工艺卡。',
  problemSolved: '高镍正极循环衰减快、热稳定性差',
  advantages: '1000 次循环容量保持率由 72% 提升至 91%',
  indicators: [{ name: '容量保持率', value: '≥ 90', unit: '%' }],
  applications: '动力电池、储能电池',
  fieldCodes: ['NE.BAT'],
  keywords: ['正极材料', '锂离子电池'],
  form: 'NEW_MATERIAL',
  trl: 6,
  stage: 'PILOT',
  ipAssets: [{ type: 'INVENTION_PATENT', number: 'CN202310123456.6', status: 'GRANTED', title: '一种高镍正极包覆方法' }],
  owners: [{ name: '南京大学', sharePercent: 100 }],
  inventors: ['张伟', '李娜'],
  serviceInvention: true,
  transferModes: ['LICENSE_EXCLUSIVE'],
  price: { negotiable: false, minFen: 50_000_000, maxFen: 120_000_000, priceType: 'INDICATIVE' },
  validUntil: `${new Date().getUTCFullYear() + 1}-06-30`,
});

describe('ResultsController (controller tier)', () => {
  let tier: ControllerTier;
  let researcher: TierAccount;
  let enterprise: TierAccount;
  const facade = { create: jest.fn(), update: jest.fn(), search: jest.fn(), mine: jest.fn(), reviewQueue: jest.fn(), get: jest.fn() };
  const tokenFor = (account: TierAccount) => tier.bearer(account);

  beforeAll(async () => {
    tier = await startControllerTier(ResultsController, [{ provide: ListingFacade, useValue: facade }]);
    researcher = tier.account(Role.RESEARCHER);
    enterprise = tier.account(Role.ENTERPRISE);
  });
  afterAll(async () => {
    await tier?.close();
  });
  beforeEach(() => jest.clearAllMocks());

  it('creates a draft: 201 with what the service answered, the validated body and the caller handed over', async () => {
    facade.create.mockResolvedValue({ id: 'r1', code: 'R2026-000001', status: 'DRAFT' });
    const res = await request(tier.app.getHttpServer()).post('/api/results').set('Authorization', tokenFor(researcher)).send(validResult()).expect(201);
    expect(res.body).toEqual({ id: 'r1', code: 'R2026-000001', status: 'DRAFT' });
    expect(facade.create).toHaveBeenCalledTimes(1);
    const [kind, dto, user] = facade.create.mock.calls[0]!;
    expect(kind).toBe('RESULT');
    expect(dto).toMatchObject({ title: validResult().title, trl: 6, price: { minFen: 50_000_000, maxFen: 120_000_000 } });
    expect(user).toMatchObject({ id: researcher.id, role: Role.RESEARCHER });
  });

  it('answers 401 without a token or with a forged one, before the service', async () => {
    for (const authorization of [undefined, 'Bearer not.a.token', `Bearer ${new JwtService({ secret: 'x'.repeat(40) }).sign({ sub: researcher.id, typ: 'access', sid: randomUUID() })}`]) {
      const req = request(tier.app.getHttpServer()).post('/api/results');
      const res = await (authorization ? req.set('Authorization', authorization) : req).send(validResult()).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: ErrorCode.UNAUTHENTICATED });
    }
    expect(facade.create).not.toHaveBeenCalled();
  });

  it('answers 403 to a role without the permission (an enterprise writes needs, not results), before the service', async () => {
    const res = await request(tier.app.getHttpServer()).post('/api/results').set('Authorization', tokenFor(enterprise)).send(validResult()).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: ErrorCode.FORBIDDEN });
    expect(facade.create).not.toHaveBeenCalled();
  });

  it('answers 400 with a message on each bad field, and unknown fields are refused, before the service', async () => {
    const res = await request(tier.app.getHttpServer())
      .post('/api/results')
      .set('Authorization', tokenFor(researcher))
      .send({ ...validResult(), trl: 10, price: { negotiable: false, minFen: 1.5, maxFen: 100, priceType: 'FIRM' }, owner: 'me' })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: ErrorCode.VALIDATION_FAILED });
    const fields = (res.body.errors as Array<{ field: string; message: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['trl', 'price.minFen', 'owner']));
    for (const error of res.body.errors as Array<{ message: string }>) expect(error.message).toMatch(/\p{Script=Han}/u);
    expect(facade.create).not.toHaveBeenCalled();
  });

  it('answers 400 to an id that is not a uuid, before the service', async () => {
    const res = await request(tier.app.getHttpServer()).patch('/api/results/not-a-uuid').set('Authorization', tokenFor(researcher)).send({ version: 1, title: '新标题' }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400 });
    expect(facade.update).not.toHaveBeenCalled();
  });
});
