import { createDataSource, diffSchema } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ databaseUrl: database.url });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const tables = async (): Promise<string[]> =>
    (
      await dataSource.query<Array<{ table_name: string }>>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
      )
    ).map((r) => r.table_name);

  it('bring an empty database exactly to the entities (no missing migration)', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    const diff = await diffSchema(dataSource);
    expect(diff.up).toEqual([]);
  });

  it('are reversible: all the way down and up again', async () => {
    const count = dataSource.migrations.length;
    for (let i = 0; i < count; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await diffSchema(dataSource)).up).toEqual([]);
    expect(await tables()).toContain('organization');
  });
});
