/* npm run ledger:check — lists contracts whose chain is incomplete (left out of the KPI figures); exit code 1 if any. */
import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { findLedgerProblems, formatLedgerProblems } from '../modules/contracts/ledger-check';
import { createDataSource } from './data-source';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = createDataSource({ databaseUrl: config.DATABASE_URL, dataDir: config.XKX_DATA_DIR });
  await dataSource.initialize();
  try {
    const problems = await findLedgerProblems(dataSource);
    if (process.argv.includes('--json')) console.log(JSON.stringify(problems, null, 2));
    else console.log(formatLedgerProblems(problems));
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
