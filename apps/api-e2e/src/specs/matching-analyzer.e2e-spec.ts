import { MatchingService } from '@xkx/api/testing';
import { bearer, loginDemo, Session } from '../support/auth';
import { needPayload, resultPayload } from '../support/listings';
import { startTestApp, TestApp } from '../support/test-app';

interface Match {
  score: number;
  counterpart: { id: string };
  components: Record<string, number>;
}

/** Issue 15: matching reads text with the admin's synonyms, and ranks the same way every time. */
describe('matching with the admin’s analyzer, deterministically', () => {
  let t: TestApp;
  let enterprise: Session;
  let researcher: Session;
  let broker: Session;
  let admin: Session;
  let needId: string;
  let resultId: string;

  const matching = () => t.app.get(MatchingService);
  const publish = async (kind: 'results' | 'needs', id: string, owner: Session) => {
    await t.http.post(`/api/${kind}/${id}/submit`).set(...bearer(owner)).send({}).expect(200);
    await t.http.post(`/api/${kind}/${id}/approve`).set(...bearer(broker)).send({}).expect(200);
  };
  const matchOf = async (): Promise<Match | undefined> => {
    await matching().settled();
    const items: Match[] = (await t.http.get(`/api/needs/${needId}/matches?limit=50`).set(...bearer(enterprise)).expect(200)).body.items;
    return items.find((m) => m.counterpart.id === resultId);
  };

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    [enterprise, researcher, broker, admin] = await Promise.all([loginDemo(t.http, 'enterprise'), loginDemo(t.http, 'researcher'), loginDemo(t.http, 'broker'), loginDemo(t.http, 'admin')]);
    needId = (
      await t.http.post('/api/needs').set(...bearer(enterprise)).send(
        needPayload({
          title: '湖库水华早期识别技术需求',
          publicSummary: '水库每年夏季暴发水华，需要提前一周识别水华风险的方案，用于取水口调度。',
          problem: '水华发现太晚',
          keywords: ['水华', '早期识别'],
          fieldCodes: ['EP.WATER'],
          mustHaves: [],
        }),
      ).expect(201)
    ).body.id;
    await publish('needs', needId, enterprise);
    resultId = (
      await t.http.post('/api/results').set(...bearer(researcher)).send(
        resultPayload({
          title: '藻华卫星遥感反演与暴发预报系统',
          valueProposition: '提前 7 天预报藻华暴发',
          publicSummary: '基于多光谱卫星影像反演藻华面积与强度，结合气象数据提前预报藻华暴发。',
          problemSolved: '藻华暴发难以提前发现',
          keywords: ['藻华', '遥感反演'],
          fieldCodes: ['EP.MON'],
          ipAssets: [],
        }),
      ).expect(201)
    ).body.id;
    await publish('results', resultId, researcher);
  });
  afterAll(() => t.close());

  it('an admin synonym changes a need’s matches (MatchingService used the shipped synonym file only)', async () => {
    const before = await matchOf();
    await t.http.post('/api/synonyms').set(...bearer(admin)).send({ terms: ['藻华', '水华'] }).expect(201);
    const after = await matchOf();
    expect(after).toBeDefined();
    expect(after!.components['text']).toBeGreaterThan(before?.components['text'] ?? 0);
    expect(after!.score).toBeGreaterThan(before?.score ?? 0);
  });

  it('a pair whose introduction was sent leaves the opportunities queue (it stayed)', async () => {
    await matching().settled();
    const queue = async (): Promise<boolean> => {
      const items: Array<{ need: { id: string }; result: { id: string } }> = (await t.http.get('/api/matches/opportunities').query({ markSeen: false, limit: 100 }).set(...bearer(broker)).expect(200)).body.items;
      return items.some((o) => o.need.id === needId && o.result.id === resultId);
    };
    expect(await queue()).toBe(true);
    await t.http.post('/api/introductions').set(...bearer(broker)).send({ needId, resultId, targetKind: 'RESULT', message: '您好，这项藻华预报技术与贵方水华识别需求高度相关，建议对接。' }).expect(201);
    expect(await queue()).toBe(false);
  });

  it('two runs give identical rankings', async () => {
    const rankings = async (): Promise<string[][]> => {
      await matching().reload();
      const needs: Array<{ id: string }> = (await t.http.get('/api/needs').query({ limit: 100, sort: 'newest' }).expect(200)).body.items;
      return needs.map((n) => matching().rankIds('NEED', n.id, 20));
    };
    const first = await rankings();
    expect(first.length).toBeGreaterThan(10);
    expect(await rankings()).toEqual(first);
  });
});
