import { OrganizationEntity } from '../modules/organizations/organization.entity';

/** Every entity, listed once: the app, tests and migration CLI share this list. */
export const ENTITIES = [OrganizationEntity];
