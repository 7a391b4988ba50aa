export { teardown as default } from './migrated-template';
