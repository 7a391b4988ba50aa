import * as path from 'node:path';

import { readListFile, resolveDictDir } from './dictionaries';
import { normalizeText } from './normalize';

let defaults: ReadonlySet<string> | undefined;

/** The reviewed stopword list shipped in `dict/stopwords.txt`, normalised. */
export function defaultStopwords(dictDir?: string): ReadonlySet<string> {
  defaults ??= createStopwordSet(readListFile(path.join(resolveDictDir(dictDir), 'stopwords.txt')));
  return defaults;
}

export function createStopwordSet(words: Iterable<string>): ReadonlySet<string> {
  const set = new Set<string>();
  for (const word of words) {
    const norm = normalizeText(word);
    if (norm) set.add(norm);
  }
  return set;
}
