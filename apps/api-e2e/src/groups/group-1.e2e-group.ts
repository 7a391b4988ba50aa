// One of the API tier's spec groups: several spec files in one module registry (support/spec-groups.ts).
import { runSpecGroup } from '../support/spec-groups';

runSpecGroup(__filename);
