import type { MatchIndexOptions } from './match-index';
import { MatchIndex } from './match-index';
import type { MatchHit, NeedDoc, ResultDoc } from './types';

/** How readily a person takes new work; unknown counts as open. */
export type Availability = 'OPEN' | 'LIMITED' | 'UNAVAILABLE';

/**
 * An expert or a laboratory as the matcher sees it: its directions (the title slot, the strongest text), its
 * bio or summary and its outputs as text (the body), its fields; seniority and availability are factors.
 */
export interface PersonDoc {
  id: string;
  directions: string;
  body?: string;
  keywords?: readonly string[];
  fieldCodes?: readonly string[];
  /** 0 … 1: 院士 1, 教授/研究员 0.8, 副高 0.6, others lower; laboratories by kind. Undefined: neutral. */
  seniority?: number;
  availability?: Availability;
}

export interface PersonFactors {
  /** The engine's relevance-and-field score of the person's text against the need. */
  text: number;
  seniority: number;
  availability: number;
}

export interface PersonHit {
  id: string;
  score: number;
  factors: PersonFactors;
  /** The need's words found in the person's text, best first. */
  terms: string[];
  /** The person's fields that are the need's or near it. */
  fieldCodes: string[];
}

/** Multipliers: a title or kind moves a score by at most 10 %, availability by up to 40 % (unavailable). */
export const SENIORITY_WEIGHT = 0.1;
export const AVAILABILITY_FACTOR: Record<Availability, number> = { OPEN: 1, LIMITED: 0.85, UNAVAILABLE: 0.6 };

function asResultDoc(p: PersonDoc): ResultDoc {
  return { kind: 'result', id: p.id, title: p.directions, summary: p.body ?? '', keywords: p.keywords ?? [], fieldCodes: p.fieldCodes ?? [] };
}

/** The person's score from the engine's hit and its two factors (pure; the unit tests pin it). */
export function personScore(hit: Pick<MatchHit, 'score'>, person: Pick<PersonDoc, 'seniority' | 'availability'>): { score: number; factors: PersonFactors } {
  const seniority = 1 - SENIORITY_WEIGHT + SENIORITY_WEIGHT * (person.seniority ?? 0.5);
  const availability = AVAILABILITY_FACTOR[person.availability ?? 'OPEN'];
  return { score: hit.score * seniority * availability, factors: { text: hit.score, seniority, availability } };
}

/**
 * Ranks experts or laboratories for a need with the listings' engine: each person is indexed as a result-like
 * document (same analyzer, BM25F, semantic layer, field proximity), the need queries them as it queries
 * results, and title and availability then weigh the engine's score. Pure: people in, ranked hits out.
 */
export class PeopleRanker {
  private readonly index: MatchIndex;
  private readonly people = new Map<string, PersonDoc>();

  constructor(people: readonly PersonDoc[], options: MatchIndexOptions = {}) {
    this.index = new MatchIndex(options);
    for (const p of people) this.people.set(p.id, p);
    this.index.addAll(people.map(asResultDoc));
  }

  get size(): number {
    return this.people.size;
  }

  rank(need: NeedDoc, limit = 20): PersonHit[] {
    // More candidates than asked: the factors may reorder the engine's tail into the page.
    const hits = this.index.match(need, { limit: Math.max(limit * 3, 30) });
    return hits
      .map((hit): PersonHit => {
        const person = this.people.get(hit.id) as PersonDoc;
        const terms = hit.reasons.filter((r) => r.code === 'SHARED_TERMS' || r.code === 'RELATED_TERMS').flatMap((r) => r.terms ?? []);
        const fieldCodes = hit.reasons.filter((r) => r.code === 'SAME_FIELD' || r.code === 'RELATED_FIELD').flatMap((r) => r.fieldCodes ?? []);
        return { id: hit.id, ...personScore(hit, person), terms: [...new Set(terms)], fieldCodes: [...new Set(fieldCodes)] };
      })
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }
}
