import * as path from 'node:path';

import { readListFile, resolveDictDir } from './dictionaries';
import { normalizeText } from './normalize';

/**
 * How the terms of a group relate. `EQUIVALENT`: they mean the same thing and fold to the first term.
 * `NARROWER`: the terms after the first are narrower than it (人工智能 ⊃ 计算机视觉, 大模型): a query for the
 * first term also finds the narrower ones, ranked lower, and nothing is folded.
 */
export type SynonymRelation = 'EQUIVALENT' | 'NARROWER';

/** A group with its relation; a bare term list is an `EQUIVALENT` group. */
export interface SynonymGroupInput {
  terms: readonly string[];
  relation?: SynonymRelation;
}

/** Folds equivalent terms to one canonical term (the first of its group) and knows narrower terms. */
export interface SynonymIndex {
  /** Canonical form of a normalised token; the token itself when it is in no group. */
  canonical(token: string): string;
  /** Every term of the token's group (normalised), or just the token. */
  expand(token: string): readonly string[];
  /**
   * The canonical forms of the terms narrower than the token, through every level (人工智能 → 机器视觉,
   * 大语言模型, …), in the order the groups list them; empty when none. Never contains the token's own form.
   */
  narrower(token: string): readonly string[];
  /** All terms of all groups, normalised: the segmenter must keep them whole. */
  readonly terms: readonly string[];
  /** The equivalence groups, normalised. */
  readonly groups: readonly (readonly string[])[];
}

const asInput = (group: readonly string[] | SynonymGroupInput): SynonymGroupInput => (isTermList(group) ? { terms: group } : group);

function isTermList(group: readonly string[] | SynonymGroupInput): group is readonly string[] {
  return Array.isArray(group);
}

const cleanTerms = (terms: readonly string[]): string[] => [...new Set(terms.map((t) => normalizeText(t)).filter((t) => t.length > 0 && !t.includes(' ')))];

/**
 * Builds the index from groups of terms. A term listed in two equivalence groups keeps the first group, so
 * an admin's ordering decides; terms are normalised (traditional, width, case) so 鋰電池 joins 锂电池's group.
 * Narrower groups are read after every equivalence group, so 计算机视觉 under 人工智能 means its canonical 机器视觉.
 */
export function createSynonymIndex(groups: readonly (readonly string[] | SynonymGroupInput)[]): SynonymIndex {
  const toCanonical = new Map<string, string>();
  const members = new Map<string, string[]>();
  const cleanGroups: string[][] = [];
  const inputs = groups.map(asInput);
  for (const group of inputs) {
    if ((group.relation ?? 'EQUIVALENT') !== 'EQUIVALENT') continue;
    const terms = cleanTerms(group.terms);
    const head = terms[0];
    if (head === undefined || terms.length < 2) continue;
    const canonicalHead = toCanonical.get(head) ?? head;
    const list = members.get(canonicalHead) ?? [canonicalHead];
    for (const term of terms) {
      if (toCanonical.has(term)) continue;
      toCanonical.set(term, canonicalHead);
      if (!list.includes(term)) list.push(term);
    }
    members.set(canonicalHead, list);
    cleanGroups.push(terms);
  }
  const canonical = (token: string): string => toCanonical.get(token) ?? token;
  const children = new Map<string, string[]>();
  const hierarchyTerms = new Set<string>();
  for (const group of inputs) {
    if (group.relation !== 'NARROWER') continue;
    const terms = cleanTerms(group.terms);
    const head = terms[0];
    if (head === undefined || terms.length < 2) continue;
    for (const term of terms) hierarchyTerms.add(term);
    const parent = canonical(head);
    const list = children.get(parent) ?? [];
    for (const term of terms.slice(1)) {
      const child = canonical(term);
      if (child !== parent && !list.includes(child)) list.push(child);
    }
    children.set(parent, list);
  }
  const narrowerMemo = new Map<string, readonly string[]>();
  const narrower = (token: string): readonly string[] => {
    const start = canonical(token);
    const memo = narrowerMemo.get(start);
    if (memo) return memo;
    // Breadth first, each term once: a cycle an admin typed (A ⊃ B ⊃ A) ends instead of looping.
    const seen = new Set<string>([start]);
    const out: string[] = [];
    for (let queue = [start]; queue.length > 0; ) {
      const next: string[] = [];
      for (const term of queue) {
        for (const child of children.get(term) ?? []) {
          if (seen.has(child)) continue;
          seen.add(child);
          out.push(child);
          next.push(child);
        }
      }
      queue = next;
    }
    narrowerMemo.set(start, out);
    return out;
  };
  return {
    canonical,
    expand: (token) => members.get(canonical(token)) ?? [token],
    narrower,
    terms: [...new Set([...toCanonical.keys(), ...hierarchyTerms])],
    groups: cleanGroups,
  };
}

/** Parses the synonym file format: one group per line, terms separated by spaces, commas or 、. */
export function parseSynonymGroups(lines: readonly string[]): string[][] {
  return lines
    .map((line) => line.split(/[\s,，、]+/).filter((t) => t.length > 0))
    .filter((g) => g.length > 1);
}

/** The default groups shipped in `dict/synonyms.txt` (the API seeds the admin-editable table from them). */
export function defaultSynonymGroups(dictDir?: string): string[][] {
  return parseSynonymGroups(readListFile(path.join(resolveDictDir(dictDir), 'synonyms.txt')));
}
