import { LaboratoryKind } from '@xkx/contracts';

/** The directory's default order: national key laboratories first. */
export const LABORATORY_KIND_ORDER: readonly LaboratoryKind[] = ['NATIONAL_KEY_LAB', 'PROVINCIAL_KEY_LAB', 'ENGINEERING_CENTER', 'NEW_RND_INSTITUTION', 'OTHER_PLATFORM'];
