import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OrganizationEntity } from '../../modules/organizations/organization.entity';
import { pinyinKeys } from '../../modules/organizations/pinyin-keys';
import { DEMO_AREA_CODE, DEMO_ORGANIZATIONS, withCheckChar } from './demo-organizations';

const logger = new Logger('DemoSeed');

/** Tables whose rows mean "somebody already uses this database". */
const OWNED_TABLES = ['organization'];

export async function databaseIsEmpty(manager: EntityManager): Promise<boolean> {
  for (const table of OWNED_TABLES) {
    const rows: Array<{ present: boolean }> = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM "${table}") AS present`,
    );
    if (rows[0]?.present) return false;
  }
  return true;
}

/**
 * Seeds realistic Chinese demo data into an empty database, in one transaction. Refuses to touch a
 * database that has data; the caller refuses to call it in production.
 */
export async function seedDemoData(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Serialise concurrent starters against one server: the second waits, then sees data.
    await manager.query(`LOCK TABLE "organization" IN EXCLUSIVE MODE`);
    if (!(await databaseIsEmpty(manager))) return false;
    const organizations = DEMO_ORGANIZATIONS.map((demo) =>
      manager.create(OrganizationEntity, {
        nameZh: demo.nameZh,
        nameEn: demo.nameEn ?? null,
        shortName: demo.shortName ?? null,
        kind: demo.kind,
        areaCode: DEMO_AREA_CODE,
        address: demo.address ?? null,
        creditCode: demo.creditCodeBody ? withCheckChar(demo.creditCodeBody) : null,
        verified: true,
        isHighTech: demo.isHighTech ?? false,
        isSpecialized: demo.isSpecialized ?? false,
        isKeyMonitored: demo.isKeyMonitored ?? false,
        ...pinyinKeys(demo.nameZh),
      }),
    );
    await manager.save(organizations);
    logger.log(`Seeded demo data: ${organizations.length} organizations`);
    return true;
  });
}
