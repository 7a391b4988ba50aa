/* Backup and restore: node -r @swc-node/register apps/api/src/database/backup/backup-cli.ts <backup [DIR] | restore DIR> */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { loadConfig } from '../../config/app-config';
import { createObjectStorage } from '../../modules/storage/create-object-storage';
import { createBackup, restoreBackup } from './backup';

async function main(): Promise<void> {
  const [command, dir] = process.argv.slice(2);
  const config = loadConfig(process.env);
  const storage = createObjectStorage(config);
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
    const out = resolve(dir ?? `backups/xkx-${stamp}`);
    const manifest = await createBackup(config, storage, out);
    const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `backed up ${Object.keys(manifest.tables).length} tables (${rows} rows) and ${manifest.objects.length} files to ${out}`,
    );
    return;
  }
  if (command === 'restore' && dir) {
    const report = await restoreBackup(config, storage, resolve(dir));
    const problems = [...report.tableProblems, ...report.objectProblems];
    if (problems.length > 0) {
      console.error(`restored with differences:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `restored ${Object.keys(report.manifest.tables).length} tables and ${report.manifest.objects.length} files; every count, checksum and hash matches the backup of ${report.manifest.createdAt}`,
    );
    return;
  }
  throw new Error('usage: npm run db:backup -- [DIR]  |  npm run db:restore -- DIR');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
