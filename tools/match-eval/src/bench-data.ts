import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import type { NeedDoc, ResultDoc } from '@xkx/matching';

import type { Qrels } from './metrics';

export interface Bench {
  results: ResultDoc[];
  needs: NeedDoc[];
}

type Row = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function readJsonl(file: string): Row[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Row);
}

/** Reads results.jsonl and needs.jsonl. Optional listing fields are passed through when present. */
export function loadBench(dir: string): Bench {
  const results = readJsonl(path.join(dir, 'results.jsonl')).map((r): ResultDoc => ({
    kind: 'result',
    id: str(r['id']),
    title: str(r['title']),
    summary: str(r['summary']),
    keywords: strs(r['keywords']),
    fieldCodes: strs(r['fieldCodes']),
    trl: num(r['trl']),
    organizationId: str(r['organizationId']) || null,
  }));
  const needs = readJsonl(path.join(dir, 'needs.jsonl')).map((r): NeedDoc => ({
    kind: 'need',
    id: str(r['id']),
    title: str(r['title']),
    description: str(r['description']),
    keywords: strs(r['keywords']),
    fieldCodes: strs(r['fieldCodes']),
    minTrl: num(r['minTrl']),
    organizationId: str(r['organizationId']) || null,
  }));
  return { results, needs };
}

/** Reads qrels.tsv (needId, resultId, grade). A header line, if any, is skipped because its grade isn't a number. */
export function loadQrels(dir: string): Qrels {
  const qrels: Qrels = new Map();
  for (const line of readFileSync(path.join(dir, 'qrels.tsv'), 'utf8').split(/\r?\n/)) {
    const [needId, resultId, gradeText] = line.split('\t');
    const grade = Number(gradeText);
    if (!needId || !resultId || gradeText === undefined || !Number.isFinite(grade)) continue;
    let m = qrels.get(needId);
    if (!m) {
      m = new Map();
      qrels.set(needId, m);
    }
    m.set(resultId, grade);
  }
  return qrels;
}
