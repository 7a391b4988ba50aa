import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { DEFAULT_MATCH_CONFIG, MatchConfig, MatchConfigInput, MatchDoc, MatchIndex } from '@xkx/matching';
import type { TextAnalyzer } from '@xkx/text-zh';

/**
 * An index of the default configuration over `docs`, restored from `file` when that snapshot exists (the
 * experiments then cost no build), built and saved there otherwise. No file: always built.
 */
export function cachedIndex(docs: readonly MatchDoc[], file: string | undefined, analyzer?: TextAnalyzer): MatchIndex {
  if (file && existsSync(file)) {
    // Restored with the configuration it was built with; the query-time settings then take today's defaults
    // (they change no stored vector), so a snapshot survives a change of those between experiments.
    const bytes = new Uint8Array(readFileSync(file));
    const config = MatchIndex.snapshotMeta(bytes)['config'] as MatchConfig;
    const index = MatchIndex.fromSnapshot(bytes, { analyzer, config });
    const live = index.config as unknown as Record<string, unknown>;
    for (const key of ['firstResult', 'calibration', 'weights', 'candidates'] as const)
      live[key] = (DEFAULT_MATCH_CONFIG as unknown as Record<string, unknown>)[key];
    return index;
  }
  const index = new MatchIndex({ analyzer });
  index.addAll(docs);
  if (file) writeFileSync(file, index.toSnapshot());
  return index;
}

/** The cache file of a variant's index when SWEEP_CACHE names a folder (both kinds indexed, as the app does). */
export function cacheFile(variant: string): string | undefined {
  const dir = process.env['SWEEP_CACHE'];
  return dir ? `${dir}/${variant}.snap` : undefined;
}

/**
 * Sets query-time settings on a built index (one level deep, as MatchConfigInput) and returns the undo. The
 * layers' switches (prf, semantic, dense, firstResult, smoothing) act at query time, so an ablation ranks as an
 * index built with that configuration would, without a build of its own.
 */
export function applyOverrides(config: MatchConfig, input: MatchConfigInput): () => void {
  const saved: [Record<string, unknown>, string, unknown][] = [];
  const target = config as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = target[key] as Record<string, unknown>;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        saved.push([inner, k, inner[k]]);
        inner[k] = v;
      }
    } else {
      saved.push([target, key, target[key]]);
      target[key] = value;
    }
  }
  return () => {
    for (const [obj, k, v] of saved.reverse()) obj[k] = v;
  };
}
