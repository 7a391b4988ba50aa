import { Injectable, Logger } from '@nestjs/common';
import { permissionsFor, Role } from '@xkx/contracts';
import { addCalendarDays, shanghaiDate } from '@xkx/util';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AnyKindSpec, LISTING_SPECS } from '../../modules/listings/listing-kinds';
import { ListingsService } from '../../modules/listings/listings.service';
import { SearchTextService } from '../../modules/search/search-text.service';
import { OrganizationEntity } from '../../modules/organizations/organization.entity';
import { UserEntity } from '../../modules/users/user.entity';
import { DemoNeed, DemoResult } from './data/demo-types';
import { DEMO_NEEDS } from './data/demo-needs';
import { DEMO_RESULTS } from './data/demo-results';
import { seedDemoCarriers } from './demo-carriers';
import { seedDemoDeals } from './demo-deals';
import { seedDemoExperts, seedDemoPeopleDeals } from './demo-experts';
import { seedDemoData } from './demo-seed';
import { seedDemoYear } from './demo-year';

/**
 * The demo database: organizations and accounts (demo-seed.ts), then listings in every status through
 * the same insert path the app uses, so their search documents and codes are real. Runs only on an
 * empty database and never in production (the caller checks the config).
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly listings: ListingsService,
    private readonly text: SearchTextService,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    return seedDemoData(this.dataSource, (manager) => this.seedListings(manager));
  }

  private async seedListings(manager: EntityManager): Promise<void> {
    const orgs = new Map((await manager.find(OrganizationEntity)).map((o) => [o.nameZh, o]));
    const users = new Map((await manager.find(UserEntity)).map((u) => [u.email, u]));
    const broker = users.get('broker@xkx.demo');
    if (!broker) throw new Error('demo broker missing');
    const asUser = (u: UserEntity): AuthUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, status: 'ACTIVE', organizationId: u.organizationId, permissions: permissionsFor(u.role as Role, 'ACTIVE') });
    const today = shanghaiDate();
    let count = 0;
    const seed = async (spec: AnyKindSpec, item: DemoResult | DemoNeed, input: object): Promise<void> => {
      const org = orgs.get(item.organization);
      if (!org) throw new Error(`demo listing "${'title' in item ? item.title : ''}": unknown organization ${item.organization}`);
      const owner = item.ownerEmail ? users.get(item.ownerEmail) : undefined;
      const id = await this.listings.insert(manager, spec, { ...input, validUntil: addCalendarDays(today, item.validUntilDays) }, org.id, asUser(owner ?? broker));
      const reviewed = !['DRAFT'].includes(item.status);
      const published = ['PUBLISHED', 'EXPIRED', 'ARCHIVED'].includes(item.status);
      await manager.update(spec.entity, id, {
        status: item.status,
        reviewNote: item.reviewNote ?? null,
        submittedAt: reviewed ? new Date(Date.now() - 20 * 86_400_000) : null,
        publishedAt: published ? new Date(Date.now() - (10 + (count % 50)) * 86_400_000) : null,
        reviewerId: reviewed && item.status !== 'SUBMITTED' ? broker.id : null,
      } as never);
      count++;
    };
    for (const item of DEMO_RESULTS) {
      const { organization: _o, ownerEmail: _e, status: _s, validUntilDays: _v, reviewNote: _r, ...input } = item;
      await seed(LISTING_SPECS.RESULT, item, input);
    }
    for (const item of DEMO_NEEDS) {
      const { organization: _o, ownerEmail: _e, status: _s, validUntilDays: _v, reviewNote: _r, deadlineDays, ...input } = item;
      await seed(LISTING_SPECS.NEED, item, { ...input, deadline: deadlineDays === null ? null : addCalendarDays(today, deadlineDays) });
    }
    this.logger.log(`Seeded ${count} demo listings`);
    const people = await seedDemoExperts(manager, this.text, broker.id);
    this.logger.log(`Seeded ${people.laboratories} demo laboratories and ${people.experts} experts`);
    const deals = await seedDemoDeals(manager, broker.id);
    this.logger.log(`Seeded ${await seedDemoPeopleDeals(manager, broker.id)} demo deals started from an expert or a laboratory`);
    this.logger.log(`Seeded ${deals} demo deals with their contracts`);
    // The year's volume; its brokers share the demo broker's password, so they reuse its hash (argon2 is slow on purpose).
    const year = await seedDemoYear(manager, broker.passwordHash);
    this.logger.log(`Seeded the year's market: ${year.deals} deals, ${year.contracts} contracts`);
    const places = await seedDemoCarriers(manager, broker.id);
    this.logger.log(`Seeded ${places.carriers} innovation carriers, ${places.instruments} shared instruments, ${places.landings} landings, ${places.certificates} enterprise certificates`);
  }
}
