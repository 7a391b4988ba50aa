import { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * What `migration:generate` would write: the SQL that brings the migrated database in line with
 * the entities. Empty when entities and migrations agree.
 */
export async function diffSchema(dataSource: DataSource): Promise<SchemaDiff> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query).reverse(),
  };
}
