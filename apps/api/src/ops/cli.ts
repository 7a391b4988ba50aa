/* Operator commands on the configured database: node dist/api/apps/api/src/ops/cli.js <admin:create|orgs:import> … */
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../config/app-config';
import { createDataSource } from '../database/data-source';
import { AuditLogEntity } from '../modules/audit/audit-log.entity';
import { AuditService } from '../modules/audit/audit.service';
import { PasswordService } from '../modules/auth/password.service';
import { describeRowError, importOrganizations, OrganizationImportReport, organizationTemplate, readOrganizationRows } from '../modules/organizations/organization-import';
import { QIXIA_LIST_NAME, qixiaRows } from '../modules/imports/qixia-organizations';
import { SheetRefusal } from '../common/excel/xlsx-rows';
import { Administrators } from '../modules/setup/administrators';
import { describeError, parseArgs, readPassword, UsageError } from './terminal';

const USAGE = `usage:
  npm run admin:create -- --email it@example.cn --name "王工"   (password from standard input or a prompt)
  npm run orgs:import -- FILE.xlsx [--update] [--dry-run]     organizations from a sheet made from the template
  npm run orgs:import -- --qixia [--update] [--dry-run]       the bundled list of Qixia's universities
  npm run orgs:import -- --template orgs-template.xlsx        write the empty template`;

/** Options that take no value: `--update FILE.xlsx` means the flag and then the file. */
const FLAGS = ['update', 'dry-run', 'qixia'];

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { options, words } = parseArgs(rest);
  for (const flag of FLAGS) {
    const value = options.get(flag);
    if (typeof value === 'string') {
      words.unshift(value);
      options.set(flag, true);
    }
  }
  switch (command) {
    case 'admin:create':
      return withDatabase((dataSource) => createAdministrator(dataSource, options));
    case 'orgs:import':
      return importOrganizationsCommand(options, words);
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

async function importOrganizationsCommand(options: Map<string, string | true>, words: string[]): Promise<void> {
  const template = options.get('template');
  if (template !== undefined) {
    if (typeof template !== 'string' || words.length > 0 || options.has('qixia')) throw new UsageError(USAGE);
    await writeFile(template, await organizationTemplate());
    console.log(`wrote the organization import template to ${template}`);
    return;
  }
  const qixia = options.has('qixia');
  const unknown = [...options.keys()].filter((k) => !FLAGS.includes(k));
  if (unknown.length > 0 || (qixia ? words.length !== 0 : words.length !== 1)) throw new UsageError(USAGE);
  const config = loadConfig(process.env);
  const file = words[0];
  const rows = qixia ? qixiaRows() : await readSheet(file, config);
  const source = qixia ? QIXIA_LIST_NAME : basename(file);
  const report = await withDatabase((dataSource) => importOrganizations(dataSource, rows, { source, update: options.has('update'), dryRun: options.has('dry-run') }), config);
  printReport(report, source);
  if (report.errors.length > 0) process.exitCode = 1;
}

async function readSheet(file: string, config: AppConfig): Promise<Awaited<ReturnType<typeof readOrganizationRows>>> {
  const buffer = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
  });
  try {
    return await readOrganizationRows(buffer, { maxRows: config.IMPORT_MAX_ROWS, maxUncompressedBytes: config.IMPORT_MAX_UNCOMPRESSED_BYTES, maxEntries: 1000 });
  } catch (error) {
    if (!(error instanceof SheetRefusal)) throw error;
    const why = {
      FILE_INVALID: '不是由模板生成的 .xlsx 文件（缺少必填列的表头） / not an .xlsx made from the template (required column headings missing): npm run orgs:import -- --template t.xlsx',
      TOO_MANY_ROWS: `行数超过 ${config.IMPORT_MAX_ROWS} / more than ${config.IMPORT_MAX_ROWS} rows`,
      TOO_LARGE: '文件解压后过大 / the file unpacks too large',
    }[error.reason];
    throw new Error(`${file}: ${why}`);
  }
}

function printReport(report: OrganizationImportReport, source: string): void {
  if (report.errors.length > 0) {
    console.error(`${source}: ${report.errors.length} 处错误，未导入任何机构 / ${report.errors.length} error(s), nothing was imported:`);
    for (const error of report.errors) console.error(`  ${describeRowError(error)}`);
    return;
  }
  const mode = report.dryRun ? ' (dry run: nothing stored)' : '';
  console.log(`${source}: ${report.total} rows; created ${report.created.length}, updated ${report.updated.length}, unchanged ${report.unchanged.length}${mode}`);
  for (const o of report.created) console.log(`  + ${o.nameZh}`);
  for (const o of report.updated) console.log(`  ~ ${o.nameZh}`);
  if (report.unchanged.length > 0) console.log(`  ${report.unchanged.length} already present and left as they are${report.dryRun ? '' : ' (--update overwrites them with the file)'}`);
}

/** The app's own database, which must be migrated already (the server does it at start, or npm run db:migrate). */
async function withDatabase<T>(work: (dataSource: DataSource) => Promise<T>, config = loadConfig(process.env)): Promise<T> {
  const dataSource = createDataSource({ databaseUrl: config.DATABASE_URL, dataDir: config.embeddedDataDir });
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) throw new Error('the database has pending migrations: start the server once, or run npm run db:migrate, then try again');
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(error instanceof UsageError ? 2 : 1);
});
