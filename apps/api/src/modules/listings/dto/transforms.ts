/** class-transformer helpers for listing text: trimmed strings, and lists without blank entries. */
export { trim, trimAll } from '../../../common/validation/transforms';
