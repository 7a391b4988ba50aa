/** A query function over either driver: node-postgres Client or PGlite. */
export type RunQuery = <T>(sql: string) => Promise<T[]>;

export interface TableChecksum {
  rows: number;
  /** md5 over the table's rows as text, in a stable order; empty tables have null. */
  md5: string | null;
}

/**
 * Row count and content checksum of every table in the public schema. Row text depends on
 * session settings (time zone, date style, float digits), so they are pinned first: a backup
 * made in one place and restored in another must give the same text for the same data.
 */
export async function tableChecksums(query: RunQuery): Promise<Record<string, TableChecksum>> {
  await query(`SET TimeZone = 'UTC'`);
  await query(`SET DateStyle = 'ISO, YMD'`);
  await query(`SET IntervalStyle = 'postgres'`);
  await query(`SET extra_float_digits = 1`);
  const tables = await query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const out: Record<string, TableChecksum> = {};
  for (const { name } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const [row] = await query<{ rows: string | number; md5: string | null }>(
      `SELECT count(*) AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM public.${quoted} t`,
    );
    out[name] = { rows: Number(row?.rows ?? 0), md5: row?.md5 ?? null };
  }
  return out;
}

/** Names the tables whose count or checksum differ (missing on either side included). */
export function compareChecksums(
  expected: Record<string, TableChecksum>,
  actual: Record<string, TableChecksum>,
): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.flatMap((name) => {
    const e = expected[name];
    const a = actual[name];
    if (!e) return [`${name}: not in the backup`];
    if (!a) return [`${name}: missing after restore`];
    if (e.rows !== a.rows) return [`${name}: ${e.rows} rows in the backup, ${a.rows} after restore`];
    if (e.md5 !== a.md5) return [`${name}: contents differ`];
    return [];
  });
}
