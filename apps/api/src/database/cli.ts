/* Migration CLI: node -r @swc-node/register apps/api/src/database/cli.ts <run|revert|generate NAME|check|show> */
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { createDataSource } from './data-source';
import { runMigrationsLocked, undoLastMigrationLocked } from './migrate';
import { diffSchema } from './schema-diff';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig(process.env);
  // generate/check compare against a throwaway in-memory database unless a server is given.
  const scratch = command === 'generate' || command === 'check';
  const dataSource = createDataSource({
    databaseUrl: config.DATABASE_URL,
    dataDir: scratch ? undefined : config.XKX_DATA_DIR,
  });
  await dataSource.initialize();
  try {
    switch (command) {
      case 'run': {
        const ran = await runMigrationsLocked(dataSource);
        console.log(ran.length ? ran.map((m) => `applied ${m.name}`).join('\n') : 'database is up to date');
        break;
      }
      case 'revert':
        await undoLastMigrationLocked(dataSource);
        console.log('reverted the last migration');
        break;
      case 'show':
        console.log((await dataSource.showMigrations()) ? 'pending migrations exist' : 'no pending migrations');
        break;
      case 'check': {
        if (scratch && config.DATABASE_URL) throw new Error('check runs on a scratch database: unset DATABASE_URL');
        await dataSource.runMigrations({ transaction: 'each' });
        const diff = await diffSchema(dataSource);
        if (diff.up.length > 0) {
          console.error(`Entities and migrations disagree; run npm run db:generate -- <Name>:\n${diff.up.join(';\n')}`);
          process.exitCode = 1;
        } else console.log('entities and migrations agree');
        break;
      }
      case 'generate': {
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate <PascalCaseName>');
        await dataSource.runMigrations({ transaction: 'each' });
        const diff = await diffSchema(dataSource);
        if (diff.up.length === 0) {
          console.log('no changes: entities and migrations agree');
          break;
        }
        writeMigration(name, diff);
        break;
      }
      default:
        throw new Error('usage: cli.ts <run|revert|show|check|generate NAME>');
    }
  } finally {
    await dataSource.destroy();
  }
}

function writeMigration(name: string, diff: { up: string[]; down: string[] }): void {
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const dir = join(__dirname, 'migrations');
  const file = `${timestamp}-${name}`;
  const lines = (queries: string[]): string =>
    queries.map((q) => `    await queryRunner.query(\`${q.replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\`);`).join('\n');
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(diff.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(diff.down)}
  }
}
`;
  writeFileSync(join(dir, `${file}.ts`), source);
  const indexPath = join(dir, 'index.ts');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing`);
  const index = readFileSync(indexPath, 'utf8')
    .replace(/(export const MIGRATIONS = \[)([^\]]*)\]/, (_, head: string, list: string) => `${head}${list.trim().replace(/,$/, '')}, ${className}]`)
    .replace(/(\nexport const MIGRATIONS)/, `import { ${className} } from './${file}';\n$1`);
  writeFileSync(indexPath, index);
  console.log(`wrote migrations/${file}.ts`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
