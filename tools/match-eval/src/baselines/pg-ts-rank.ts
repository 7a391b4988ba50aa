import { PGlite } from '@electric-sql/pglite';
import type { TextAnalyzer } from '@xkx/text-zh';

import type { Run } from '../metrics';
import type { TextItem } from './bigram-tfidf';

/**
 * PostgreSQL full-text search as the listings search will run it: the app segments text into a search document
 * (words + bigrams) stored as `to_tsvector('simple', …)`, and a need becomes an OR tsquery of its tokens ranked
 * by `ts_rank`. Runs on an in-memory PGlite.
 */
export async function pgTsRankRun(
  analyzer: TextAnalyzer,
  docs: readonly TextItem[],
  queries: readonly TextItem[],
  k = 100,
): Promise<Run> {
  const db = new PGlite();
  try {
    await db.exec('CREATE TABLE listing (id text PRIMARY KEY, search tsvector NOT NULL)');
    await db.exec('CREATE INDEX listing_search_idx ON listing USING gin (search)');
    await db.transaction(async (tx) => {
      for (const d of docs) {
        await tx.query(`INSERT INTO listing (id, search) VALUES ($1, to_tsvector('simple', $2))`, [
          d.id,
          analyzer.searchDocument(d.text),
        ]);
      }
    });
    const run = new Map<string, string[]>();
    for (const q of queries) {
      const tsq = analyzer.tsQuery(q.text, { mode: 'any' });
      if (!tsq) {
        run.set(q.id, []);
        continue;
      }
      const res = await db.query<{ id: string }>(
        `SELECT id FROM listing, to_tsquery('simple', $1) q WHERE search @@ q
         ORDER BY ts_rank(search, q) DESC, id LIMIT $2`,
        [tsq, k],
      );
      run.set(
        q.id,
        res.rows.map((r) => r.id),
      );
    }
    return run;
  } finally {
    await db.close();
  }
}
