export { setup as default } from './migrated-template';
