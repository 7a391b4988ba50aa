/* Operator commands on the configured database: node dist/api/apps/api/src/ops/cli.js <admin:create|orgs:import> … */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { createDataSource } from '../database/data-source';
import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { AuditService } from '../modules/audit/audit.service';
import { PasswordService } from '../modules/auth/password.service';
import { Administrators } from '../modules/setup/administrators';
import { describeError, parseArgs, readPassword, UsageError } from './terminal';

const USAGE = `usage:
  npm run admin:create -- --email it@example.cn --name "王工"   (password from standard input or a prompt)`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { options } = parseArgs(rest);
  switch (command) {
    case 'admin:create':
      return withDatabase((dataSource) => createAdministrator(dataSource, options));
    default:
      throw new UsageError(USAGE);
  }
}

async function createAdministrator(dataSource: DataSource, options: Map<string, string | true>): Promise<void> {
  if (options.has('password')) throw new UsageError('passwords are never taken from the command line: pipe it to standard input, or type it at the prompt');
  const email = options.get('email');
  const name = options.get('name');
  if (typeof email !== 'string' || typeof name !== 'string') throw new UsageError(USAGE);
  const password = await readPassword();
  const administrators = new Administrators(dataSource, new PasswordService(), new AuditService(dataSource.getRepository(AuditLogEntity)));
  const user = await administrators.create({ email, name, password }, 'command-line');
  console.log(`created administrator ${user.email} (${user.id}); sign in at /sign-in`);
}

/** The app's own database, which must be migrated already (the server does it at start, or npm run db:migrate). */
async function withDatabase(work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = createDataSource({ databaseUrl: config.DATABASE_URL, dataDir: config.embeddedDataDir });
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) throw new Error('the database has pending migrations: start the server once, or run npm run db:migrate, then try again');
    await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(error instanceof UsageError ? 2 : 1);
});
