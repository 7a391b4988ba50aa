import {
  IpType,
  ListingStatus,
  MoneyRange,
  PATENT_IP_TYPES,
  ResultStage,
} from '@xkx/contracts';
import { normalizePatentNumber } from '@xkx/util';

import { DEMO_ACCOUNTS } from '../demo-accounts';
import { DEMO_ORGANIZATIONS } from '../demo-organizations';
import { DEMO_MATCH_PAIRS, DEMO_NEEDS } from './demo-needs';
import { DEMO_RESULTS } from './demo-results';
import { DemoNeed, DemoResult } from './demo-types';
// The tree as the seeding migration left it; a later migration that extends it extends this set too.
import { TECHNOLOGY_FIELDS_V1 as TECHNOLOGY_FIELDS } from '../../migrations/reference-data/technology-fields.v1';

const EXPECTED_CHAINS = ['NE', 'BIO', 'AI', 'IME', 'ICV', 'EIC', 'NM', 'PC', 'EP'];
const ALL_STATUSES = Object.values(ListingStatus);
const TRL_BY_STAGE: Record<ResultStage, [number, number]> = {
  LAB: [1, 4],
  SMALL_PILOT: [4, 5],
  PILOT: [6, 7],
  INDUSTRIAL: [8, 9],
};

const fieldCodes = new Set(TECHNOLOGY_FIELDS.map((f) => f.code));
const chainOf = (code: string): string => code.split('.')[0] ?? code;
const orgByName = new Map(DEMO_ORGANIZATIONS.map((o) => [o.nameZh, o]));

function problemsWithMoney(label: string, money: MoneyRange): string[] {
  const problems: string[] = [];
  if (money.negotiable) {
    if (money.minFen !== null || money.maxFen !== null) problems.push(`${label}: 面议 must carry no figures`);
  } else {
    if (money.minFen === null || money.maxFen === null) problems.push(`${label}: a priced range needs min and max`);
    else {
      if (!Number.isInteger(money.minFen) || !Number.isInteger(money.maxFen)) problems.push(`${label}: fen must be integers`);
      if (money.minFen <= 0) problems.push(`${label}: min must be positive`);
      if (money.minFen > money.maxFen) problems.push(`${label}: min > max`);
    }
  }
  return problems;
}

describe.each<[string, Array<DemoResult | DemoNeed>]>([
  ['results', DEMO_RESULTS],
  ['needs', DEMO_NEEDS],
])('demo %s: shared rules', (_label, listings) => {
  it('cover every priority chain', () => {
    const covered = new Set(listings.flatMap((l) => l.fieldCodes.map(chainOf)));
    for (const chain of EXPECTED_CHAINS) expect(covered.has(chain)).toBe(true);
  });

  it('use only field codes from the tree', () => {
    const unknown = listings.flatMap((l) => l.fieldCodes.filter((c) => !fieldCodes.has(c)).map((c) => `${l.title}: ${c}`));
    expect(unknown).toEqual([]);
  });

  it('use every listing status', () => {
    const used = new Set(listings.map((l) => l.status));
    for (const status of ALL_STATUSES) expect(used.has(status)).toBe(true);
  });

  it('have unique titles and the basic fields filled', () => {
    expect(new Set(listings.map((l) => l.title)).size).toBe(listings.length);
    for (const listing of listings) {
      expect(listing.title.trim()).not.toBe('');
      expect(listing.publicSummary.trim()).not.toBe('');
      expect(listing.fieldCodes.length).toBeGreaterThanOrEqual(1);
      expect(listing.keywords.length).toBeGreaterThanOrEqual(1);
      expect(new Set(listing.keywords).size).toBe(listing.keywords.length);
    }
  });

  it('carry a review note exactly when a reviewer sent them back or turned them down', () => {
    for (const listing of listings) {
      if (listing.status === 'CHANGES_REQUESTED' || listing.status === 'REJECTED') {
        expect(listing.reviewNote?.trim()).toBeTruthy();
      }
    }
  });

  it('are past their validity when EXPIRED, and not otherwise unless archived', () => {
    for (const listing of listings) {
      if (listing.status === 'EXPIRED') expect(listing.validUntilDays).toBeLessThan(0);
      else if (listing.status !== 'ARCHIVED') expect(listing.validUntilDays).toBeGreaterThan(0);
    }
  });

  it('include published listings inside the stale-warning window', () => {
    const stale = listings.filter((l) => l.status === 'PUBLISHED' && l.validUntilDays > 0 && l.validUntilDays <= 30);
    expect(stale.length).toBeGreaterThanOrEqual(1);
  });

  it('name owners who exist and belong to the listing organization', () => {
    for (const listing of listings) {
      if (listing.ownerEmail === undefined) continue;
      const account = DEMO_ACCOUNTS.find((a) => a.email === listing.ownerEmail);
      expect(account).toBeDefined();
      expect(account?.organization).toBe(listing.organization);
      expect(account?.status).toBe('ACTIVE');
    }
  });
});

describe('demo results', () => {
  it('are at least 60, with at least 5 per priority chain (by first field code)', () => {
    expect(DEMO_RESULTS.length).toBeGreaterThanOrEqual(60);
    for (const chain of EXPECTED_CHAINS) {
      const count = DEMO_RESULTS.filter((r) => chainOf(r.fieldCodes[0] ?? '') === chain).length;
      expect({ chain, enough: count >= 5 }).toEqual({ chain, enough: true });
    }
  });

  it('belong to universities or institutes of the demo organizations', () => {
    for (const result of DEMO_RESULTS) {
      const organization = orgByName.get(result.organization);
      expect({ title: result.title, kind: organization?.kind }).toEqual({
        title: result.title,
        kind: expect.stringMatching(/^(UNIVERSITY|INSTITUTE)$/),
      });
    }
  });

  it('have a TRL in 1..9 that is consistent with the stage', () => {
    for (const result of DEMO_RESULTS) {
      const [min, max] = TRL_BY_STAGE[result.stage];
      expect(Number.isInteger(result.trl)).toBe(true);
      expect({ title: result.title, ok: result.trl >= 1 && result.trl <= 9 && result.trl >= min && result.trl <= max }).toEqual({
        title: result.title,
        ok: true,
      });
    }
  });

  it('have valid prices: min ≤ max, and 面议 exactly when there are no figures and no price type', () => {
    const problems = DEMO_RESULTS.flatMap((r) => {
      const list = problemsWithMoney(r.title, r.price);
      if (r.price.negotiable !== (r.price.priceType === null)) list.push(`${r.title}: priceType must be null iff 面议`);
      return list;
    });
    expect(problems).toEqual([]);
    const negotiable = DEMO_RESULTS.filter((r) => r.price.negotiable).length;
    expect(negotiable).toBeGreaterThanOrEqual(5);
  });

  it('carry patent numbers that CNIPA would accept, with the type digit matching the patent type', () => {
    const typeDigit: Partial<Record<IpType, string>> = { INVENTION_PATENT: '1', UTILITY_MODEL: '2', DESIGN_PATENT: '3' };
    for (const result of DEMO_RESULTS) {
      for (const asset of result.ipAssets) {
        if (PATENT_IP_TYPES.includes(asset.type)) {
          const normalized = normalizePatentNumber(asset.number);
          expect({ number: asset.number, normalized }).toEqual({ number: asset.number, normalized: asset.number });
          if (/^CN\d{12}\.[\dX]$/.test(asset.number)) expect(asset.number.charAt(6)).toBe(typeDigit[asset.type]);
        } else {
          expect({ number: asset.number, patent: normalizePatentNumber(asset.number) }).toEqual({ number: asset.number, patent: null });
          if (asset.type === 'SOFTWARE_COPYRIGHT') expect(asset.number).toMatch(/^(19|20)\d{2}SR\d{7}$/);
        }
      }
    }
  });

  it('reuse a patent number only in the one deliberate near-duplicate pair', () => {
    const byNumber = new Map<string, DemoResult[]>();
    for (const result of DEMO_RESULTS) {
      for (const asset of result.ipAssets) {
        if (!PATENT_IP_TYPES.includes(asset.type)) continue;
        byNumber.set(asset.number, [...(byNumber.get(asset.number) ?? []), result]);
      }
    }
    const shared = [...byNumber.values()].filter((list) => list.length > 1);
    expect(shared).toHaveLength(1);
    const [first, second] = shared[0] ?? [];
    expect(first?.organization).toBe(second?.organization);
    expect([first?.status, second?.status].sort()).toEqual(['PUBLISHED', 'SUBMITTED']);
  });

  it('list owners whose shares add up to 100 when given, and 2–4 inventors', () => {
    for (const result of DEMO_RESULTS) {
      expect(result.owners.length).toBeGreaterThanOrEqual(1);
      const shares = result.owners.map((o) => o.sharePercent);
      if (shares.some((s) => s !== undefined)) {
        expect(shares.every((s) => s !== undefined)).toBe(true);
        expect(shares.reduce<number>((sum, s) => sum + (s ?? 0), 0)).toBe(100);
      }
      expect(result.inventors.length).toBeGreaterThanOrEqual(2);
      expect(result.inventors.length).toBeLessThanOrEqual(4);
      expect(result.transferModes.length).toBeGreaterThanOrEqual(1);
      expect(result.transferModes.length).toBeLessThanOrEqual(3);
    }
  });
});

describe('demo needs', () => {
  it('are at least 40', () => {
    expect(DEMO_NEEDS.length).toBeGreaterThanOrEqual(40);
  });

  it('are posted by enterprises of the demo organizations', () => {
    for (const need of DEMO_NEEDS) {
      expect({ title: need.title, kind: orgByName.get(need.organization)?.kind }).toEqual({ title: need.title, kind: 'ENTERPRISE' });
    }
  });

  it('have valid budgets, bounties, minimum TRL and deadlines', () => {
    const problems = DEMO_NEEDS.flatMap((n) => problemsWithMoney(n.title, n.budget));
    expect(problems).toEqual([]);
    for (const need of DEMO_NEEDS) {
      if (need.bountyFen !== null) {
        expect(Number.isInteger(need.bountyFen)).toBe(true);
        expect(need.bountyFen).toBeGreaterThan(0);
      }
      if (need.minTrl !== null) {
        expect(Number.isInteger(need.minTrl)).toBe(true);
        expect(need.minTrl).toBeGreaterThanOrEqual(1);
        expect(need.minTrl).toBeLessThanOrEqual(9);
      }
      if (need.deadlineDays !== null) {
        expect(need.deadlineDays).toBeGreaterThan(0);
        expect(need.deadlineDays).toBeLessThanOrEqual(need.validUntilDays);
      }
    }
    expect(DEMO_NEEDS.filter((n) => n.bountyFen !== null).length).toBeGreaterThanOrEqual(2);
  });

  it('include vague needs sent back for a second diagnosis (二次诊断)', () => {
    const vague = DEMO_NEEDS.filter(
      (n) => (n.status === 'DRAFT' || n.status === 'CHANGES_REQUESTED') && n.indicators.length === 0 && n.reviewNote?.includes('二次诊断'),
    );
    expect(vague.length).toBeGreaterThanOrEqual(2);
  });
});

describe('demo match pairs', () => {
  it.each(DEMO_MATCH_PAIRS.map((p) => [p.result, p.need] as const))('%s ↔ %s is a true match', (resultTitle, needTitle) => {
    const result = DEMO_RESULTS.find((r) => r.title === resultTitle);
    const need = DEMO_NEEDS.find((n) => n.title === needTitle);
    expect(result).toBeDefined();
    expect(need).toBeDefined();
    if (!result || !need) return;
    expect(result.status).toBe('PUBLISHED');
    expect(need.status).toBe('PUBLISHED');
    // Same problem domain: a shared field code, or at least a shared chain and a shared keyword.
    const sharedCode = result.fieldCodes.some((c) => need.fieldCodes.includes(c));
    const sharedKeyword = result.keywords.some((k) => need.keywords.includes(k));
    expect(sharedCode || sharedKeyword).toBe(true);
    if (need.minTrl !== null) expect(result.trl).toBeGreaterThanOrEqual(need.minTrl);
    // Price within budget: the ranges overlap (面议 on either side is compatible).
    if (!result.price.negotiable && !need.budget.negotiable) {
      expect(result.price.minFen ?? 0).toBeLessThanOrEqual(need.budget.maxFen ?? 0);
      expect(need.budget.minFen ?? 0).toBeLessThanOrEqual(result.price.maxFen ?? 0);
    }
  });
});
