// Controller tier (common/testing/controller-tier.ts): /api/deals behind the real global guard, pipes and
// error filter, its services jest mocks.
import { DealStage, ErrorCode, Role } from '@xkx/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ControllerTier, startControllerTier, TierAccount } from '../../common/testing/controller-tier';
import { DealCollaborationService } from './deal-collaboration.service';
import { DealExportService } from './deal-export.service';
import { DealQueriesService } from './deal-queries.service';
import { DealTransitionsService } from './deal-transitions.service';
import { DealsController } from './deals.controller';
import { DealsService } from './deals.service';
import { NdaService } from './nda.service';

describe('DealsController (controller tier)', () => {
  let tier: ControllerTier;
  let broker: TierAccount;
  let researcher: TierAccount;
  const transitions = { move: jest.fn() };
  const queries = { list: jest.fn(), detail: jest.fn(), board: jest.fn(), timeline: jest.fn() };
  const http = () => request(tier.app.getHttpServer());

  beforeAll(async () => {
    tier = await startControllerTier(DealsController, [
      { provide: DealsService, useValue: { create: jest.fn(), update: jest.fn() } },
      { provide: DealQueriesService, useValue: queries },
      { provide: DealTransitionsService, useValue: transitions },
      { provide: DealCollaborationService, useValue: {} },
      { provide: NdaService, useValue: {} },
      { provide: DealExportService, useValue: {} },
    ]);
    broker = tier.account(Role.BROKER);
    researcher = tier.account(Role.RESEARCHER);
  });
  afterAll(async () => {
    await tier?.close();
  });
  beforeEach(() => jest.clearAllMocks());

  it('moves a deal: 200 with the service’s answer; the id, the validated move and the broker reach the service', async () => {
    const id = randomUUID();
    transitions.move.mockResolvedValue({ id, stage: DealStage.NEGOTIATING, version: 3 });
    const res = await http().post(`/api/deals/${id}/transitions`).set('Authorization', tier.bearer(broker)).send({ to: DealStage.NEGOTIATING, version: 2, note: '  双方约谈  ' }).expect(200);
    expect(res.body).toEqual({ id, stage: DealStage.NEGOTIATING, version: 3 });
    expect(transitions.move).toHaveBeenCalledTimes(1);
    const [movedId, dto, user] = transitions.move.mock.calls[0]!;
    expect(movedId).toBe(id);
    expect(dto).toEqual({ to: DealStage.NEGOTIATING, version: 2, note: '双方约谈' });
    expect(user).toMatchObject({ id: broker.id, role: Role.BROKER });
  });

  it('answers 401 without a token and 403 to a party without deal:manage, before the service', async () => {
    const id = randomUUID();
    const anonymous = await http().post(`/api/deals/${id}/transitions`).send({ to: DealStage.NEGOTIATING, version: 1 }).expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: ErrorCode.UNAUTHENTICATED });
    const party = await http().post(`/api/deals/${id}/transitions`).set('Authorization', tier.bearer(researcher)).send({ to: DealStage.NEGOTIATING, version: 1 }).expect(403);
    expect(party.body).toMatchObject({ statusCode: 403, code: ErrorCode.FORBIDDEN });
    expect(transitions.move).not.toHaveBeenCalled();
  });

  it('answers 400 with a message on each bad field, and to an id that is not a uuid, before the service', async () => {
    const res = await http().post(`/api/deals/${randomUUID()}/transitions`).set('Authorization', tier.bearer(broker)).send({ to: 'SOMEWHERE', version: 0 }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: ErrorCode.VALIDATION_FAILED });
    expect(new Set((res.body.errors as Array<{ field: string }>).map((e) => e.field))).toEqual(new Set(['to', 'version']));
    await http().post('/api/deals/D2026-000004/transitions').set('Authorization', tier.bearer(broker)).send({ to: DealStage.NEGOTIATING, version: 1 }).expect(400);
    expect(transitions.move).not.toHaveBeenCalled();
  });
});
