import { Logger } from '@nestjs/common';
import { Algorithm, hash } from '@node-rs/argon2';
import { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from '../../modules/users/user.entity';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { OrganizationEntity } from '../../modules/organizations/organization.entity';
import { pinyinKeys } from '@xkx/text-zh';
import { DEMO_AREA_CODE, DEMO_ORGANIZATIONS, withCheckChar } from './demo-organizations';

const logger = new Logger('DemoSeed');

/** Tables whose rows mean "somebody already uses this database". */
const OWNED_TABLES = ['organization', 'app_user', 'result', 'need'];

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
export async function seedDemoData(dataSource: DataSource, extra?: (manager: EntityManager) => Promise<void>): Promise<boolean> {
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
    const byName = new Map(organizations.map((o) => [o.nameZh, o]));
    const users: UserEntity[] = [];
    for (const account of DEMO_ACCOUNTS) {
      const organization = byName.get(account.organization);
      if (!organization) throw new Error(`demo account ${account.email}: unknown organization ${account.organization}`);
      users.push(
        manager.create(UserEntity, {
          email: account.email,
          name: account.name,
          mobile: account.mobile ?? null,
          role: account.role,
          status: account.status,
          passwordHash: await hash(account.password, { algorithm: Algorithm.Argon2id }),
          organizationId: organization.id,
          lastLoginAt: null,
          verifiedAt: account.status === 'ACTIVE' ? new Date() : null,
          verifiedById: null,
        }),
      );
    }
    await manager.save(users);
    logger.log(`Seeded demo data: ${organizations.length} organizations, ${users.length} accounts`);
    if (extra) await extra(manager);
    return true;
  });
}
