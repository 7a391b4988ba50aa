import { permissionsFor } from '@xkx/contracts';
import { AuthUser, createApp, ListingsService, loadConfig, MatchingService, NEED_SPEC, OrganizationEntity, RESULT_SPEC } from '@xkx/api/testing';
import { DataSource } from 'typeorm';

import type { Bench } from './bench-data';
import type { Run } from './metrics';

/**
 * Ranks through the application itself: the benchmark listings are written by the app's listing
 * service into a fresh embedded database (as published listings, with their search documents), the
 * matching service loads them from there exactly as at start-up, and each need is ranked by it.
 * Benchmark rows carry no field, TRL, price or mode data, so the structured factors are neutral and
 * the figures measure the text side.
 */
export async function rankThroughApp(bench: Bench, k = 100): Promise<Run> {
  const app = await createApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', XKX_DATA_DIR: 'memory:', XKX_WEB_DIR: '', XKX_DEMO_SEED: 'false' }));
  try {
    const dataSource = app.get(DataSource);
    const listings = app.get(ListingsService);
    const matching = app.get(MatchingService);
    const validUntil = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    const resultIds = new Map<string, string>();
    const needIds = new Map<string, string>();
    await dataSource.transaction(async (manager) => {
      const university = await manager.save(manager.create(OrganizationEntity, { nameZh: '评测高校', kind: 'UNIVERSITY', areaCode: '320113', verified: true, pinyin: 'pingcegaoxiao', pinyinInitials: 'pcgx' }));
      const enterprise = await manager.save(manager.create(OrganizationEntity, { nameZh: '评测企业', kind: 'ENTERPRISE', areaCode: '320113', creditCode: '91350100M000100Y43', verified: true, pinyin: 'pingceqiye', pinyinInitials: 'pcqy' }));
      const broker: AuthUser = { id: '00000000-0000-4000-8000-0000000000b0', email: 'eval@xkx.local', name: 'eval', role: 'BROKER', status: 'ACTIVE', organizationId: null, permissions: permissionsFor('BROKER', 'ACTIVE') };
      for (const r of bench.results) {
        const input = {
          title: r.title,
          valueProposition: '',
          publicSummary: r.summary ?? '',
          problemSolved: '',
          advantages: '',
          applications: '',
          indicators: [],
          fieldCodes: [...(r.fieldCodes ?? [])],
          keywords: [...(r.keywords ?? [])],
          form: 'NEW_TECHNOLOGY',
          trl: r.trl ?? 5,
          stage: 'SMALL_PILOT',
          ipAssets: [],
          owners: [{ name: '评测高校' }],
          inventors: [],
          serviceInvention: false,
          transferModes: ['TRANSFER'],
          price: { negotiable: true, minFen: null, maxFen: null, priceType: null },
          validUntil,
        };
        resultIds.set(await listings.insert(manager, RESULT_SPEC as never, input, university.id, broker, true), r.id);
      }
      for (const n of bench.needs) {
        const input = {
          title: n.title,
          publicSummary: n.description ?? '',
          problem: '',
          indicators: [],
          mustHaves: [],
          niceToHaves: [],
          fieldCodes: [...(n.fieldCodes ?? [])],
          keywords: [...(n.keywords ?? [])],
          needType: 'TECH_BREAKTHROUGH',
          cooperationModes: ['TRANSFER'],
          budget: { negotiable: true, minFen: null, maxFen: null },
          bountyFen: null,
          minTrl: n.minTrl ?? null,
          deadline: null,
          validUntil,
          anonymous: false,
        };
        needIds.set(n.id, await listings.insert(manager, NEED_SPEC as never, input, enterprise.id, broker, true));
      }
    });
    await matching.reload();
    const run: Run = new Map();
    for (const need of bench.needs) {
      const dbId = needIds.get(need.id);
      run.set(need.id, dbId ? matching.rankIds('NEED', dbId, k).map((id) => resultIds.get(id) ?? id) : []);
    }
    return run;
  } finally {
    await app.close();
  }
}
