import { addCalendarDays, shanghaiDate } from '@xkx/util';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './server';

/**
 * Moves the deal's current public notice into the past (started 20 days ago, ended 6 days ago), in the
 * embedded database of a STOPPED server: a test cannot wait out the 15 days, and PGlite is one process's.
 */
export function backdateNotice(dataDir: string, dealId: string): void {
  const startsOn = addCalendarDays(shanghaiDate(), -20);
  const endsOn = addCalendarDays(shanghaiDate(), -6);
  const script = `
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const db = await PGlite.create(process.argv[1], { extensions: { pg_trgm } });
    const res = await db.query("UPDATE public_notice SET starts_on = $1::date, ends_on = $2::date WHERE deal_id = $3 AND withdrawn_at IS NULL", [process.argv[2], process.argv[3], process.argv[4]]);
    if (res.affectedRows !== 1) throw new Error('no current notice for the deal');
    await db.close();
  `;
  execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, join(dataDir, 'pglite'), startsOn, endsOn, dealId],
    { cwd: WORKSPACE_ROOT, stdio: 'pipe' },
  );
}
