// What the API test tier (apps/api-e2e) may use: the real bootstrap and config loader.
export { buildOpenApiDocument, createApp } from '../bootstrap';
export { loadConfig } from '../config/app-config';
export { createDataSource } from '../database/data-source';
export { diffSchema } from '../database/schema-diff';
export { seedDemoData } from '../database/seeds/demo-seed';
export { DemoSeeder } from '../database/seeds/demo-seeder.service';
export { ImportsService } from '../modules/imports/imports.service';
export { listRoutes } from './routes';
export { ListingsService } from '../modules/listings/listings.service';
export { MatchingService } from '../modules/matching/matching.service';
export { NEED_SPEC, RESULT_SPEC } from '../modules/listings/listing-kinds';
export { OrganizationEntity } from '../modules/organizations/organization.entity';
export type { AuthUser } from '../common/auth/auth-user';
export { SearchTextService } from '../modules/search/search-text.service';
export { IntroductionEvents } from '../modules/deals/introduction-events';
export type { IntroductionDeclined } from '../modules/deals/introduction-events';
export { MailService } from '../modules/mail/mail.service';
