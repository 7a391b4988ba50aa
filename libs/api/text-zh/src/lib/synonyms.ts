import * as path from 'node:path';

import { readListFile, resolveDictDir } from './dictionaries';
import { normalizeText } from './normalize';

/** Folds equivalent terms to one canonical term (the first of its group). */
export interface SynonymIndex {
  /** Canonical form of a normalised token; the token itself when it is in no group. */
  canonical(token: string): string;
  /** Every term of the token's group (normalised), or just the token. */
  expand(token: string): readonly string[];
  /** All terms of all groups, normalised: the segmenter must keep them whole. */
  readonly terms: readonly string[];
  readonly groups: readonly (readonly string[])[];
}

/**
 * Builds the index from groups of equivalent terms. A term listed in two groups keeps the first group, so an
 * admin's ordering decides; terms are normalised (traditional, width, case) so 鋰電池 joins 锂电池's group.
 */
export function createSynonymIndex(groups: readonly (readonly string[])[]): SynonymIndex {
  const toCanonical = new Map<string, string>();
  const members = new Map<string, string[]>();
  const cleanGroups: string[][] = [];
  for (const group of groups) {
    const terms = [
      ...new Set(group.map((t) => normalizeText(t)).filter((t) => t.length > 0 && !t.includes(' '))),
    ];
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
  return {
    canonical: (token) => toCanonical.get(token) ?? token,
    expand: (token) => members.get(toCanonical.get(token) ?? token) ?? [token],
    terms: [...toCanonical.keys()],
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
